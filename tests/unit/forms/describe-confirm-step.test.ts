/**
 * The confirmation step tells the visitor what to do, and a confirmation sent
 * too soon is told how long is left: a different sentence, never the same one
 * in a loop.
 */
import { describe, expect, it } from 'vitest';
import { describeConfirmStep, toWaitSeconds, type ConfirmPrompt } from '../../../src/lib/forms/describe-confirm-step.ts';

describe('describeConfirmStep', () => {
  it.each<[ConfirmPrompt, string]>([
    [{ step: 'first', waitSeconds: 3 }, 'Dernière étape : pour vérifier que l’envoi vient bien d’une personne, attendez 3 secondes, puis confirmez-le avec le bouton « Confirmer l’envoi ».'],
    [{ step: 'first', waitSeconds: 0 }, 'Dernière étape : pour vérifier que l’envoi vient bien d’une personne, confirmez-le avec le bouton « Confirmer l’envoi ».'],
    [{ step: 'too-soon', waitSeconds: 2 }, 'Pas encore envoyé : pour vérifier que l’envoi vient bien d’une personne, attendez encore 2 secondes, puis confirmez-le avec le bouton « Confirmer l’envoi ».'],
    [{ step: 'too-soon', waitSeconds: 1 }, 'Pas encore envoyé : pour vérifier que l’envoi vient bien d’une personne, attendez encore 1 seconde, puis confirmez-le avec le bouton « Confirmer l’envoi ».'],
  ])('%o → %s', (prompt, sentence) => {
    expect(describeConfirmStep(prompt)).toBe(sentence);
  });
});

describe('toWaitSeconds', () => {
  it.each([
    [3_000, 3],
    [2_001, 3],
    [1, 1],
    [0, 0],
    [-500, 0],
  ])('%i ms → %i s (rounded up: waiting the number said is never too early)', (waitMs, seconds) => {
    expect(toWaitSeconds(waitMs)).toBe(seconds);
  });
});
