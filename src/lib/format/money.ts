/**
 * Amounts in euros excluding VAT (HT), formatted the French way.
 * `15000` → `15 000 € HT`, `14999.5` → `14 999,50 € HT` (narrow no-break spaces
 * as thousands separator and before the currency sign, as `Intl` does for fr-FR).
 */

const wholeEuros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

const euroCents = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
});

/**
 * Format an amount in euros HT.
 * @param amountHt euros, excluding VAT; cents are shown only when present
 * @returns e.g. `15 000 € HT`, with no-break spaces so it never wraps
 */
export function formatEurosHt(amountHt: number): string {
  const formatter = Number.isInteger(amountHt) ? wholeEuros : euroCents;
  return `${formatter.format(amountHt)}\u00a0HT`;
}

const numberFormatter = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** Format a count the French way: `10000` → `10 000`. */
export function formatCount(count: number): string {
  return numberFormatter.format(count);
}

/** Format a number the French way, up to two decimals: `0.01` → `0,01`. */
export function formatNumber(value: number): string {
  return numberFormatter.format(value);
}
