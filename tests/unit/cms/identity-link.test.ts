import { describe, expect, it } from 'vitest';
import { checkNewPassword, describeIdentityFailure, forwardIdentityLink, readIdentityLink } from '../../../src/lib/cms/identity-link.ts';

describe('readIdentityLink', () => {
  it.each([
    ['#invite_token=abc123', { kind: 'invite', token: 'abc123' }],
    ['invite_token=abc123', { kind: 'invite', token: 'abc123' }],
    ['#recovery_token=r-9_x', { kind: 'recovery', token: 'r-9_x' }],
    ['#recovery_token=a%2Bb', { kind: 'recovery', token: 'a+b' }],
    ['#foo=1&invite_token=z', { kind: 'invite', token: 'z' }],
  ])('%s → %j', (hash, link) => {
    expect(readIdentityLink(hash)).toEqual(link);
  });

  it.each(['', '#', '#/collections/startups', '#invite_token=', '#invite_token=%20', '#confirmation_token=abc', '#access_token=abc'])('%j carries no link', (hash) => {
    expect(readIdentityLink(hash)).toBeNull();
  });
});

describe('forwardIdentityLink', () => {
  it.each([
    ['#invite_token=abc', '/compte-editeur/#invite_token=abc'],
    ['#recovery_token=xyz', '/compte-editeur/#recovery_token=xyz'],
    ['invite_token=abc', '/compte-editeur/#invite_token=abc'],
  ])('%s → %s', (hash, target) => {
    expect(forwardIdentityLink(hash)).toBe(target);
  });

  it.each(['', '#/collections/startups', '#contenu'])('%j stays where it is', (hash) => {
    expect(forwardIdentityLink(hash)).toBeNull();
  });
});

describe('checkNewPassword', () => {
  it.each([
    ['', '', { field: 'password', message: 'Mot de passe : saisissez un mot de passe.' }],
    ['court', 'court', { field: 'password', message: 'Mot de passe : 12 caractères au moins (vous en avez saisi 5).' }],
    ['éléphant ro', 'éléphant ro', { field: 'password', message: 'Mot de passe : 12 caractères au moins (vous en avez saisi 11).' }],
    ['une phrase de passe', 'une phrase de pass', { field: 'confirmation', message: 'Confirmation du mot de passe : elle ne correspond pas au mot de passe.' }],
    ['une phrase de passe', 'une phrase de passe', null],
    ['douze-carac.', 'douze-carac.', null],
  ])('%j / %j → %j', (password, confirmation, problem) => {
    expect(checkNewPassword(password, confirmation)).toEqual(problem);
  });
});

describe('describeIdentityFailure', () => {
  const down = 'Le service de connexion ne répond pas. Réessayez dans quelques minutes ; si cela dure, prévenez l’équipe du programme.';
  it.each([
    ['verify', 404, 'Ce lien n’est plus valable : il a expiré ou a déjà servi. Demandez un nouveau lien ci-dessous (mot de passe oublié), ou demandez à l’équipe du programme de vous inviter à nouveau.'],
    ['verify', 422, 'Ce lien n’est plus valable : il a expiré ou a déjà servi. Demandez un nouveau lien ci-dessous (mot de passe oublié), ou demandez à l’équipe du programme de vous inviter à nouveau.'],
    ['verify', undefined, down],
    ['verify', 503, down],
    ['set-password', 422, 'Le service de connexion a refusé ce mot de passe. Choisissez-en un autre, plus long.'],
    ['set-password', 500, down],
    ['request-reset', 429, 'Trop de demandes pour cette adresse : attendez quelques minutes avant de réessayer.'],
    ['request-reset', 404, 'Aucun compte d’éditeur n’a cette adresse e-mail. Vérifiez-la, ou demandez une invitation à l’équipe du programme.'],
    ['request-reset', 422, 'La demande a été refusée. Vérifiez l’adresse e-mail saisie.'],
    ['request-reset', undefined, down],
  ] as const)('%s, status %s', (step, status, message) => {
    expect(describeIdentityFailure(step, status)).toBe(message);
  });
});
