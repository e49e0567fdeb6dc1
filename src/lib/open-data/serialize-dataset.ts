/**
 * Open-data files as bytes: JSON (an array of objects) and CSV.
 *
 * CSV choice: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) with a comma
 * separator, a point as decimal mark, UTF-8 without byte-order mark and one
 * header line of column names: open data is read by programs first, and these
 * are what CSV readers expect by default. A `;` separator or a BOM would only
 * suit French Excel's double-click; Excel opens this file through « Données ›
 * À partir d’un fichier texte/CSV » (UTF-8, virgule), as /donnees/ explains.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_LIST_SEPARATOR } from './describe-field.ts';
import type { Cell, Dataset } from './datasets.ts';

/** The rows as a JSON array of objects (keys = column names), UTF-8, one row per line. */
export function toJson(dataset: Dataset): string {
  return `[\n${dataset.rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
}

function toCsvCell(cell: Cell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.join(CSV_LIST_SEPARATOR);
  return String(cell);
}

/** The rows as CSV with a header line (RFC 4180, comma, CRLF line ends as the RFC says). */
export function toCsv(dataset: Dataset): string {
  const header = dataset.columns.map((column) => column.name);
  const records = dataset.rows.map((row) => header.map((name) => toCsvCell(row[name] ?? null)));
  return stringify([header, ...records], { record_delimiter: 'windows' });
}
