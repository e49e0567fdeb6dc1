/**
 * A draft buyer entry (`content/buyers/<slug>.md`) made from a stored
 * commitment (`engagement-acheteur`), for the team to complete in the CMS
 * (sector, commitment text, and the date once the charter is signed) before publishing it. Pure: the
 * text is checked with the buyers schema of the build, so that the draft never
 * breaks it; the caller writes the file.
 */
import { buildCollectionSchemas } from '../content-model/schemas.ts';
import type { ModelContext } from '../content-model/fields.ts';
import { formatContentIssues } from '../content-model/format-content-issues.ts';
import type { BuyerCommitment } from '../forms/definitions/engagement-acheteur.ts';
import { formatFrenchDate } from '../format/calendar-date.ts';
import { renderMarkdownEntry, slugify } from './startup-draft.ts';
import { literalMarkdown } from './literal-markdown.ts';

/** The draft: its file slug and the Markdown text of the file. */
export interface BuyerDraft {
  readonly slug: string;
  readonly text: string;
}

/** Where the commitment comes from: its reference and the day the draft is made. */
export interface CommitmentReceipt {
  /** Reference of the stored submission, e.g. `PBC-2026-00042`. */
  readonly reference: string;
  /** Calendar day of the draft (`YYYY-MM-DD`, Europe/Paris). */
  readonly today: string;
}

/**
 * The draft entry of a buyer's commitment. The named contact's role is kept,
 * never the person's name, e-mail or phone (the buyer page shows the role
 * only). What the form establishes is a moral commitment, its source the
 * stored submission; no sector and no date are invented (the content model
 * records a date only when a source gives it): the wished signing date, if
 * any, is quoted in the body for the team.
 * @param context the model context of the settings (`toModelContext`)
 * @throws Error when the organisation gives no file name, or, naming each field,
 * when the entry would not pass the buyers schema
 */
export function draftBuyerEntry(data: BuyerCommitment, receipt: CommitmentReceipt, context: ModelContext): BuyerDraft {
  const slug = slugify(data.organisation);
  if (slug === '') throw new Error(`The organisation name "${data.organisation}" gives no file name (no Latin letter or digit).`);
  // Keys in the order of the content model (what the CMS writes).
  const frontmatter: Record<string, unknown> = {
    name: data.organisation,
    kind: data.buyer_kind,
    commitment_kind: 'engagement-moral',
    commitment_source: `Formulaire d’engagement du site, référence ${receipt.reference}, reçu le ${formatFrenchDate(receipt.today)}`,
    areas_of_interest: [],
    contact_role: data.role,
    draft: true,
  };
  const result = buildCollectionSchemas(context).buyers.safeParse(frontmatter);
  if (!result.success) throw new Error(formatContentIssues(`content/buyers/${slug}.md`, result.error.issues));
  const wished = data.signing_date ? ` Date de signature souhaitée : ${formatFrenchDate(data.signing_date)}.` : '';
  const body = literalMarkdown(`${data.organisation} s’engage à considérer les startups du DAS numérique pour un premier bon de commande (texte à compléter par l’équipe du programme avant publication).${wished}`);
  return { slug, text: renderMarkdownEntry(frontmatter, body) };
}
