/**
 * French labels of the model's enumerations, looked up from the content model
 * (one list per enumeration, shared with the CMS select widgets).
 */
import { BUYER_KINDS, COMMITMENT_KINDS, ORDER_KINDS, ORDER_STATUSES, ACCESSIBILITY_COMPLIANCE } from '../content-model/collections.ts';

type Options = readonly { readonly value: string; readonly label: string }[];

function labelOf(options: Options, value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** `prototype` → `Prototype`, `etude` → `Étude`, `pilote` → `Pilote`. */
export const orderKindLabel = (kind: string): string => labelOf(ORDER_KINDS, kind);
/** `public` → `Acteur public`, … */
export const buyerKindLabel = (kind: string): string => labelOf(BUYER_KINDS, kind);
/** `engagement-moral` → `Engagement moral`, `charte-signee` → `Charte signée`. */
export const commitmentKindLabel = (kind: string): string => labelOf(COMMITMENT_KINDS, kind);
/** `signe` → `Bon de commande signé`, … */
export const orderStatusLabel = (status: string): string => labelOf(ORDER_STATUSES, status);
/** `non-conforme` → `Non conforme`, … */
export const complianceLabel = (level: string): string => labelOf(ACCESSIBILITY_COMPLIANCE, level);

/** The literal value editors write in settings for a fact not yet known. */
export const PLACEHOLDER_VALUE = 'à compléter';

/** True when a settings value is still the "à compléter" placeholder. */
export function isPlaceholder(value: string): boolean {
  return value.trim().toLowerCase() === PLACEHOLDER_VALUE;
}
