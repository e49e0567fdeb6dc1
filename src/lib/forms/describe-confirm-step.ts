/**
 * What the confirmation step says. A submission without a valid token (no
 * JavaScript, the token could not be fetched, the page was left open too long)
 * or sent faster than the minimum fill time is not stored: the visitor is asked
 * to confirm, and told how long to wait first, so that a click that comes too
 * soon again is answered with the time still to wait rather than the same
 * message (issue 10: the fill time applies to a confirmation too).
 */

/** `first`: a fresh token was handed back; `too-soon`: the token sent is authentic but younger than the minimum fill time. */
export type ConfirmStep = 'first' | 'too-soon';

/** The confirmation asked for: which step, and the whole seconds to wait before confirming (0: at once). */
export interface ConfirmPrompt {
  readonly step: ConfirmStep;
  readonly waitSeconds: number;
}

/** Whole seconds, rounded up (a visitor who waits the number said is never too early), for a wait in milliseconds. */
export function toWaitSeconds(waitMs: number): number {
  return Math.max(0, Math.ceil(waitMs / 1_000));
}

function seconds(count: number): string {
  return `${count} seconde${count > 1 ? 's' : ''}`;
}

/**
 * The French sentence of a confirmation step, for the live region of the
 * enhanced form and the confirmation page without JavaScript (before French
 * spacing is applied).
 */
export function describeConfirmStep({ step, waitSeconds }: ConfirmPrompt): string {
  const opening = step === 'first' ? 'Dernière étape' : 'Pas encore envoyé';
  const wait = waitSeconds > 0 ? `attendez ${step === 'first' ? '' : 'encore '}${seconds(waitSeconds)}, puis ` : '';
  return `${opening} : pour vérifier que l’envoi vient bien d’une personne, ${wait}confirmez-le avec le bouton « Confirmer l’envoi ».`;
}

/**
 * The sentence before the step's own on the confirmation page without
 * JavaScript: a too-early click is told « Pas encore envoyé » by
 * {@link describeConfirmStep}, so its lead does not say it a second time.
 */
const PAGE_LEAD: Readonly<Record<ConfirmStep, string>> = {
  first: 'Vos réponses sont prêtes et ne sont pas encore envoyées.',
  'too-soon': 'Vos réponses sont prêtes.',
};

/**
 * The paragraph of the confirmation page without JavaScript: the lead
 * sentence, then the step's own (before French spacing is applied).
 */
export function describeConfirmPage(prompt: ConfirmPrompt): string {
  return `${PAGE_LEAD[prompt.step]} ${describeConfirmStep(prompt)}`;
}
