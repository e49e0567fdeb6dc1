import { applyFrenchSpacing } from '../format/french-spacing.ts';
import type { SummaryRow } from '../forms/definitions/index.ts';

/** Props of the HTML body of a submission e-mail; every value is text, escaped by React. */
export interface SubmissionEmailProps {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly rows: readonly SummaryRow[];
  readonly reference: string;
  readonly siteName: string;
  readonly siteUrl: string;
}

/** HTML body of the e-mails sent for a submission (inline styles: mail clients ignore style sheets). */
export function SubmissionEmail({ heading, paragraphs, rows, reference, siteName, siteUrl }: SubmissionEmailProps) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: 'Arial, sans-serif', color: '#1b1f24', lineHeight: 1.5 }}>
        <h1 style={{ fontSize: '20px' }}>{heading}</h1>
        {paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        {rows.length > 0 && (
          <table style={{ borderCollapse: 'collapse' }}>
            <tbody>
              {rows.map(([label, value]) => (
                <tr key={label}>
                  <th style={{ textAlign: 'left', verticalAlign: 'top', padding: '4px 12px 4px 0' }}>{label}</th>
                  <td style={{ padding: '4px 0', whiteSpace: 'pre-wrap' }}>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          {applyFrenchSpacing('Référence :')} {reference}
        </p>
        <p style={{ color: '#4a5260', fontSize: '13px' }}>
          {siteName} — <a href={siteUrl}>{siteUrl}</a>
        </p>
      </body>
    </html>
  );
}
