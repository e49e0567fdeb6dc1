/**
 * Everything a form function needs at run time, built once per function
 * instance: site settings, the startups an order may name, the configuration,
 * the database and the e-mail sending. Local runs (`dev` deploy context)
 * re-read the content on each request so that edits show up without restart.
 */
import type { Context } from '@netlify/functions';
import { resolveContentRoot } from '../../src/lib/content-model/content-root.ts';
import { readSiteSettings } from '../../src/lib/content-model/read-settings.ts';
import { readOrderableStartups, type OrderableStartup } from '../../src/lib/content-model/read-orderable-startups.ts';
import { toModelContext } from '../../src/lib/content-model/schemas.ts';
import type { SiteSettings } from '../../src/lib/content-model/collections.ts';
import { composeSubmissionEmail } from '../../src/lib/email/compose-submission-email.ts';
import { mailSessionOpener } from '../../src/lib/email/open-mail-session.ts';
import { isLocalDeployContext, readFormsConfig, type FormsConfig } from '../../src/lib/forms/read-forms-config.ts';
import { rateLimitFromSettings } from '../../src/lib/forms/rate-limit.ts';
import { deriveClientKey } from '../../src/lib/forms/request/client-key.ts';
import type { FormDefinition, SubmissionDependencies } from '../../src/lib/forms/process-submission.ts';
import { deliverClaimedMessages, type Delivery } from '../../src/lib/forms/sending/deliver-claimed-messages.ts';
import type { Queryable } from '../../src/lib/forms/store/database.ts';
import { createFormSchema, FORM_NAMES, recipientsOf, submitterOf, type FormContext, type FormData, type FormName } from '../../src/lib/forms/definitions/index.ts';
import { submissionDatabase } from './submission-database.ts';
import { verifyTurnstileToken } from './verify-turnstile.ts';

/** The runtime of one deploy context. */
export interface FormRuntime {
  readonly settings: SiteSettings;
  readonly startups: readonly OrderableStartup[];
  readonly config: FormsConfig;
  readonly database: Queryable;
  /** How e-mails are sent: sessions, composition, the deploy context's policy. */
  readonly delivery: Delivery;
  readonly forms: { readonly [Name in FormName]: FormDefinition<FormData> };
}

let cached: Promise<FormRuntime> | undefined;

/** Structured log line for the team (Netlify's function logs), without personal data. */
const log = (entry: Record<string, string | number>) => console.log(JSON.stringify(entry));

async function buildRuntime(deployContext: string | undefined): Promise<FormRuntime> {
  const projectRoot = process.cwd();
  const contentRoot = resolveContentRoot(process.env, projectRoot);
  const settings = readSiteSettings(contentRoot);
  const config = readFormsConfig(process.env, deployContext, projectRoot, rateLimitFromSettings(settings));
  const modelContext = toModelContext(settings);
  const startups = await readOrderableStartups(contentRoot, modelContext);
  const startupsBySlug = new Map(startups.map((startup) => [startup.slug, startup]));
  const emailContext = { from: config.from, teamAddress: settings.programme_contact_email, siteName: settings.site_name, siteUrl: settings.site_url };
  const delivery: Delivery = {
    database: submissionDatabase,
    openSession: mailSessionOpener(config.mail),
    compose: (message, to) => {
      const startupSlug = message.submission.data['startup'];
      const startupName = typeof startupSlug === 'string' ? startupsBySlug.get(startupSlug)?.name : undefined;
      return composeSubmissionEmail(message.submission, message.kind, to, emailContext, startupName, message.heldSiblings);
    },
    policy: config.delivery,
    log,
  };
  const formContext: FormContext = { ...modelContext.lists, orderCeilingHt: settings.order_ceiling_ht, startups, teamAddress: settings.programme_contact_email };
  return {
    settings,
    startups,
    config,
    database: submissionDatabase,
    delivery,
    forms: Object.fromEntries(
      FORM_NAMES.map((name): [FormName, FormDefinition<FormData>] => [
        name,
        { name, schema: createFormSchema(name, formContext), recipients: (data) => recipientsOf(name, data, formContext), submitterEmail: (data) => submitterOf(name, data).address },
      ]),
    ) as FormRuntime['forms'],
  };
}

/**
 * The runtime for a request's deploy context.
 * @throws FormsConfigurationError when a required variable is missing on a deployed site
 */
export function loadFormRuntime(context: Pick<Context, 'deploy'>): Promise<FormRuntime> {
  const deployContext = context.deploy.context;
  if (isLocalDeployContext(deployContext)) return buildRuntime(deployContext);
  cached ??= buildRuntime(deployContext).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * Dependencies of `processSubmission` for one request.
 * @param receivedAt when the request arrived: the fill time is measured to it,
 * not to the end of loading the runtime
 */
export function submissionDependencies(runtime: FormRuntime, context: Pick<Context, 'ip'>, receivedAt: Date): SubmissionDependencies {
  const clientKey = deriveClientKey(context.ip, runtime.config.signingSecret);
  return {
    database: runtime.database,
    config: runtime.config,
    deliver: (claimId, messages) => deliverClaimedMessages(runtime.delivery, claimId, messages),
    clientKey,
    verifyTurnstile: (token) => verifyTurnstileToken(runtime.config.turnstile?.secretKey ?? '', token, context.ip),
    now: () => receivedAt,
    log,
  };
}
