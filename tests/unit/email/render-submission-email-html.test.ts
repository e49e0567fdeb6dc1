import { describe, expect, it } from 'vitest';
import { renderSubmissionEmailHtml, type SubmissionEmailContent } from '../../../src/lib/email/render-submission-email-html.ts';

const CONTENT: SubmissionEmailContent = {
  heading: 'Titre',
  paragraphs: ['Un.', 'Deux.'],
  rows: [['Organisation', 'Ville']],
  reference: 'PBC-2026-00042',
  siteName: 'Premiers bons de commande',
  siteUrl: 'https://exemple.fr/',
};

describe('renderSubmissionEmailHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<script>', '&lt;script&gt;'],
    ['"guillemets"', '&quot;guillemets&quot;'],
    ["l'apostrophe", 'l&#x27;apostrophe'],
    ['`accent grave`', '`accent grave`'],
    ['« Élise » d’Alsace', '« Élise » d’Alsace'],
    ['deux\nlignes', 'deux\nlignes'],
    ['&amp; déjà', '&amp;amp; déjà'],
  ])('escapes %j as React did, in the heading, paragraphs, rows and link', (typed, escaped) => {
    const html = renderSubmissionEmailHtml({ ...CONTENT, heading: typed, paragraphs: [typed], rows: [[typed, typed]], siteUrl: typed });
    expect(html).toContain(`<h1 style="font-size:20px">${escaped}</h1><p>${escaped}</p>`);
    expect(html).toContain(`<th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escaped}</th><td style="padding:4px 0;white-space:pre-wrap">${escaped}</td>`);
    expect(html).toContain(`<a href="${escaped}">${escaped}</a>`);
  });

  it('writes a whole document, the reference with a no-break space before the colon, and no table without rows', () => {
    expect(renderSubmissionEmailHtml({ ...CONTENT, rows: [] })).toBe(
      '<!doctype html><html lang="fr"><head></head><body style="font-family:Arial, sans-serif;color:#1b1f24;line-height:1.5">' +
        '<h1 style="font-size:20px">Titre</h1><p>Un.</p><p>Deux.</p><p>Référence\u00a0: PBC-2026-00042</p>' +
        '<p style="color:#4a5260;font-size:13px">Premiers bons de commande — <a href="https://exemple.fr/">https://exemple.fr/</a></p></body></html>',
    );
  });
});
