/**
 * A draft startup entry (`content/startups/<slug>.md`) made from a stored
 * application, for the team to complete in the CMS before publishing it.
 * Pure: the caller validates the text with the startups schema and writes it.
 */
import { stringify } from 'yaml';
import type { StartupApplication } from '../forms/definitions/candidature.ts';
import { literalMarkdown } from './literal-markdown.ts';

/** Longest tagline the startups schema accepts. */
export const TAGLINE_MAX_LENGTH = 160;

/** Letters that Unicode decomposition does not turn into ASCII. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/**
 * ASCII kebab-case of a name, the form of content file names:
 * `Atelier « Œil & Main », SAS` → `atelier-oeil-et-main-sas`.
 * @returns `''` when nothing of the name is Latin letters or digits
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøđłþ]/g, (letter) => LIGATURES[letter] ?? letter)
    .replace(/&/g, ' et ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const sentences = new Intl.Segmenter('fr', { granularity: 'sentence' });

/**
 * The first sentence of a text on one line, cut at a word boundary with `…`
 * when longer than `maxLength` characters.
 */
export function taglineFrom(text: string, maxLength = TAGLINE_MAX_LENGTH): string {
  let first = '';
  for (const { segment } of sentences.segment(text)) {
    first = segment.replace(/\s+/g, ' ').trim();
    if (first !== '') break;
  }
  const characters = [...first];
  if (characters.length <= maxLength) return first;
  const cut = characters.slice(0, maxLength - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= maxLength / 2 ? atWord : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The entry: its file slug, front matter and Markdown body. */
export interface StartupDraft {
  readonly slug: string;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/**
 * The draft entry of an application.
 * @param today the calendar day (`YYYY-MM-DD`, Europe/Paris) the startup joins
 * @throws Error when the company name gives no slug
 */
export function draftStartupEntry(data: StartupApplication, today: string): StartupDraft {
  const slug = slugify(data.company_name);
  if (slug === '') throw new Error(`The company name "${data.company_name}" gives no file name (no Latin letter or digit).`);
  const offer: Record<string, unknown> = { title: data.offer_title, kind: data.offer_kind };
  if (data.offer_price_ht !== undefined) offer['price_ht'] = data.offer_price_ht;
  // Keys in the order of the content model (what the CMS writes).
  const frontmatter: Record<string, unknown> = {
    name: data.company_name,
    tagline: taglineFrom(data.presentation),
    sectors: [...data.sectors],
    technologies: [...data.technologies],
    offers: [offer],
    commune: data.commune,
    postcode: data.postcode,
    ...(data.website ? { website: data.website } : {}),
    siren: data.siret.slice(0, 9),
    member_since: today,
    order_contact_email: data.email,
    draft: true,
  };
  return { slug, frontmatter, body: literalMarkdown(data.presentation) };
}

/**
 * The Markdown file of an entry: YAML front matter (every string quoted, as
 * in the rest of `content/`) and the body.
 */
export function renderMarkdownEntry(frontmatter: Readonly<Record<string, unknown>>, body: string): string {
  const yaml = stringify(frontmatter, { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n\n${body}\n`;
}
