/**
 * Decap CMS preview panes drawn by the site's own components (issue 5): the
 * same React components Astro renders to static HTML, inside Decap's preview
 * iframe, styled by the site's stylesheet. `read-preview-entry.ts` adapts the
 * entry being edited to the components' props.
 * Docs: https://decapcms.org/docs/customization/
 */
import type { ReactNode } from 'react';
import type { CMS as DecapCms, PreviewTemplateComponentProps } from 'decap-cms-core';
import siteStyles from '../styles/global.css?inline';
import { BuyerProfile } from '../components/BuyerProfile.tsx';
import { NewsCard } from '../components/NewsCard.tsx';
import { OrderList } from '../components/OrderList.tsx';
import { StartupCard } from '../components/StartupCard.tsx';
import { StartupProfile } from '../components/StartupProfile.tsx';
import { buyerFields, newsFields, orderFields, startupFields } from '../lib/content-model/collections.ts';
import type { FieldDefinition, ModelContext } from '../lib/content-model/fields.ts';
import { buildCollectionSchemas } from '../lib/content-model/schemas.ts';
import { readPreviewEntry, readRelationNames, type PreviewEntry } from '../lib/cms/read-preview-entry.ts';
import type { SiteImage } from '../lib/site/site-image.ts';
import { uploadAssetPath } from './upload-asset.tsx';
import type { z } from 'zod';

const NO_ORDERS = [] as const;
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Problems that would fail the build, or the page, with the sample reminder when relevant. */
function PreviewFrame<Data>({ entry, render }: { entry: PreviewEntry<Data>; render: (data: Data & { slug: string }) => ReactNode }) {
  if (!entry.ok) {
    return (
      <main className="container">
        <section className="notice preview-problems" role="status">
          <h2>À compléter avant publication</h2>
          <ul>
            {entry.problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                <strong>{problem.field}</strong> : {problem.message}
              </li>
            ))}
          </ul>
        </section>
      </main>
    );
  }
  const isSample = (entry.data as { sample?: boolean }).sample === true;
  return (
    <main className="container">
      {isSample ? (
        <p className="notice preview-sample-reminder" role="status">
          Fiche d’exemple : remplacez-la par une vraie startup du DAS numérique ou décochez « Fiche d’exemple ».
        </p>
      ) : null}
      {render(entry.data)}
    </main>
  );
}

type Props = PreviewTemplateComponentProps;

/** The uploaded logo as Decap serves it to the preview, saved or not (the site shows a resized copy). */
function previewLogo(props: Props, data: { logo?: string | undefined; logo_alt?: string | undefined }): SiteImage | undefined {
  return data.logo === undefined ? undefined : { src: props.getAsset(uploadAssetPath(data.logo)).toString(), alt: data.logo_alt ?? '' };
}

function readEntry<Data>(schema: z.ZodType<Data>, fields: readonly FieldDefinition[], props: Props): PreviewEntry<Data> {
  return readPreviewEntry(schema, fields, props.entry.get('data').toJS() as Record<string, unknown>, String(props.entry.get('slug') ?? ''));
}

/**
 * Register the preview panes of startups, buyers, orders and news, and the site's stylesheet.
 * @param context ceiling and controlled lists, as the build uses them
 */
export function registerPreviewTemplates(cms: DecapCms, context: ModelContext): void {
  const schemas = buildCollectionSchemas(context);
  cms.registerPreviewStyle(siteStyles, { raw: true });

  cms.registerPreviewTemplate('startups', (props: Props) => (
    <PreviewFrame
      entry={readEntry(schemas.startups, startupFields, props)}
      render={(startup) => (
        <>
          <StartupProfile startup={startup} ordersReceived={NO_ORDERS} buyerNames={NO_NAMES} orderRequestHref="#" logo={previewLogo(props, startup)}>
            {props.widgetFor('body')}
          </StartupProfile>
          <h2>Dans l’annuaire</h2>
          <StartupCard startup={startup} href="#" />
        </>
      )}
    />
  ));
  cms.registerPreviewTemplate('buyers', (props: Props) => (
    <PreviewFrame
      entry={readEntry(schemas.buyers, buyerFields, props)}
      render={(buyer) => (
        <BuyerProfile buyer={buyer} ordersPlaced={NO_ORDERS} startupNames={NO_NAMES} logo={previewLogo(props, buyer)}>
          {props.widgetFor('body')}
        </BuyerProfile>
      )}
    />
  ));
  cms.registerPreviewTemplate('orders', (props: Props) => (
    <PreviewFrame
      entry={readEntry(schemas.orders, orderFields, props)}
      render={(order) => (
        <OrderList orders={[order]} names={readRelationNames(props.fieldsMetaData.toJS() as Record<string, unknown>)} counterpart="both" empty="" />
      )}
    />
  ));
  cms.registerPreviewTemplate('news', (props: Props) => (
    <PreviewFrame entry={readEntry(schemas.news, newsFields, props)} render={(item) => <NewsCard item={item} href="#" />} />
  ));
}
