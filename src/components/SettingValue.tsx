import { applyFrenchSpacing as fr } from '../lib/format/french-spacing.ts';
import { isPlaceholder } from '../lib/site/labels.ts';

/** A value that may still be the "à compléter" placeholder: shown highlighted so nobody mistakes it for a fact. */
export function SettingValue({ value }: { readonly value: string }) {
  return isPlaceholder(value) ? <mark className="placeholder">à compléter</mark> : <>{fr(value)}</>;
}
