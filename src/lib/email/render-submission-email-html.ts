/**
 * The HTML body of the e-mails sent for a submission: a whole document with
 * inline styles (mail clients ignore style sheets).
 *
 * Written as a template rather than rendered with React: a Netlify function
 * runs with `NODE_ENV` unset (Lambda sets none, and Netlify's bundler for
 * functions, zip-it-and-ship-it, defines none), so React ran its development
 * build there, which cost more CPU than the rest of composing the three
 * e-mails of a submission (issue 10, `npm run bench:forms`). Every value is
 * text, escaped by `stringify-entities` exactly as React escapes text and
 * attributes (`&amp; &lt; &gt; &quot; &#x27;`): the output is byte for byte
 * the one React gave (`tests/unit/email/submission-email-output.test.ts`).
 */
import { stringifyEntities } from 'stringify-entities';
import { applyFrenchSpacing } from '../format/french-spacing.ts';
import type { SummaryRow } from '../forms/definitions/index.ts';

/** What the body shows; every value is plain text (escaped here). */
export interface SubmissionEmailContent {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** Label and value of each field, as a person reads them; no table when empty. */
  readonly rows: readonly SummaryRow[];
  readonly reference: string;
  readonly siteName: string;
  readonly siteUrl: string;
}

/** The characters HTML text and double-quoted attributes need escaped, as named references (`'` has none: `&#x27;`). */
const ESCAPING = { subset: ['&', '<', '>', '"', "'"], useNamedReferences: true } as const;

const escape = (text: string) => stringifyEntities(text, ESCAPING);

const STYLE = {
  body: 'font-family:Arial, sans-serif;color:#1b1f24;line-height:1.5',
  heading: 'font-size:20px',
  table: 'border-collapse:collapse',
  label: 'text-align:left;vertical-align:top;padding:4px 12px 4px 0',
  value: 'padding:4px 0;white-space:pre-wrap',
  footer: 'color:#4a5260;font-size:13px',
} as const;

function renderRows(rows: readonly SummaryRow[]): string {
  if (rows.length === 0) return '';
  const cells = rows.map(([label, value]) => `<tr><th style="${STYLE.label}">${escape(label)}</th><td style="${STYLE.value}">${escape(value)}</td></tr>`);
  return `<table style="${STYLE.table}"><tbody>${cells.join('')}</tbody></table>`;
}

/**
 * The HTML document of one e-mail (`<!doctype html>` included; the empty
 * `<head>` is the one React wrote).
 */
export function renderSubmissionEmailHtml({ heading, paragraphs, rows, reference, siteName, siteUrl }: SubmissionEmailContent): string {
  return [
    `<!doctype html><html lang="fr"><head></head><body style="${STYLE.body}">`,
    `<h1 style="${STYLE.heading}">${escape(heading)}</h1>`,
    ...paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`),
    renderRows(rows),
    `<p>${escape(applyFrenchSpacing('Référence :'))} ${escape(reference)}</p>`,
    `<p style="${STYLE.footer}">${escape(siteName)} — <a href="${escape(siteUrl)}">${escape(siteUrl)}</a></p>`,
    '</body></html>',
  ].join('');
}
