import { describe, expect, it } from 'vitest';
import { checkRequestOrigin, expectedOrigins, type DeployAddresses } from '../../../../src/lib/forms/request/check-request-origin.ts';

const OWN = 'https://premiers-bons-de-commande.fr';

describe('checkRequestOrigin', () => {
  it.each([
    ['a no-JS form post from the site (Chromium)', { origin: OWN, 'sec-fetch-site': 'same-origin' }, { allowed: true }],
    ['a fetch from the site', { origin: OWN, 'sec-fetch-site': 'same-origin' }, { allowed: true }],
    ['a navigation the person started', { 'sec-fetch-site': 'none' }, { allowed: true }],
    ['an old browser sending Origin only', { origin: OWN }, { allowed: true }],
    ['the Origin in upper case', { origin: OWN.toUpperCase() }, { allowed: true }],
    ['a program sending neither header', {}, { allowed: true }],
    ['a form on another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { allowed: false, reason: 'cross-site-fetch' }],
    ['a sibling subdomain', { origin: 'https://www.premiers-bons-de-commande.fr', 'sec-fetch-site': 'same-site' }, { allowed: false, reason: 'cross-site-fetch' }],
    ['another origin, no Fetch Metadata', { origin: 'https://evil.example' }, { allowed: false, reason: 'foreign-origin' }],
    ['the same host over http', { origin: 'http://premiers-bons-de-commande.fr' }, { allowed: false, reason: 'foreign-origin' }],
    ['the same host on another port', { origin: `${OWN}:8443` }, { allowed: false, reason: 'foreign-origin' }],
    ['a same-origin claim with a foreign Origin', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, { allowed: false, reason: 'foreign-origin' }],
    ['a sandboxed frame (Origin: null)', { origin: 'null', 'sec-fetch-site': 'cross-site' }, { allowed: false, reason: 'cross-site-fetch' }],
    ['Origin: null alone', { origin: 'null' }, { allowed: false, reason: 'opaque-origin' }],
    ['an unknown Sec-Fetch-Site value', { 'sec-fetch-site': 'whatever' }, { allowed: false, reason: 'cross-site-fetch' }],
  ])('%s → %j', (_case, headers, decision) => {
    expect(checkRequestOrigin(new Headers(headers), [OWN])).toEqual(decision);
  });

  it.each([
    ['the first of two own origins', 'https://pbc-m2a.netlify.app', { allowed: true }],
    ['the second of two own origins', OWN, { allowed: true }],
    ['neither', 'https://evil.example', { allowed: false, reason: 'foreign-origin' }],
  ])('with two own origins, %s → %j', (_case, origin, decision) => {
    expect(checkRequestOrigin(new Headers({ origin }), ['https://pbc-m2a.netlify.app', OWN])).toEqual(decision);
  });

  it('refuses every Origin when the deploy has no known origin', () => {
    expect(checkRequestOrigin(new Headers({ origin: OWN }), [])).toEqual({ allowed: false, reason: 'foreign-origin' });
  });
});

describe('expectedOrigins', () => {
  const SETTINGS_URL = 'https://premiers-bons-de-commande.fr/';
  it.each<[string, DeployAddresses, string[]]>([
    [
      'production, Netlify name differing from site_url: both',
      { deployContext: 'production', requestUrl: 'https://pbc-m2a.netlify.app/api/candidature/', primaryUrl: 'https://pbc-m2a.netlify.app', siteUrl: 'https://premiers-bons-de-commande.netlify.app/' },
      ['https://pbc-m2a.netlify.app', 'https://premiers-bons-de-commande.netlify.app'],
    ],
    [
      'production with a custom domain as main address equal to site_url: once',
      { deployContext: 'production', requestUrl: 'https://premiers-bons-de-commande.fr/api/candidature/', primaryUrl: 'https://premiers-bons-de-commande.fr', siteUrl: SETTINGS_URL },
      ['https://premiers-bons-de-commande.fr'],
    ],
    [
      'production called at a deploy permalink: not the permalink',
      { deployContext: 'production', requestUrl: 'https://abc123--pbc-m2a.netlify.app/api/candidature/', primaryUrl: 'https://pbc-m2a.netlify.app', siteUrl: SETTINGS_URL },
      ['https://pbc-m2a.netlify.app', 'https://premiers-bons-de-commande.fr'],
    ],
    ['production without a platform address (hand-made context): site_url', { deployContext: 'production', requestUrl: 'https://pbc-m2a.netlify.app/api/candidature/', siteUrl: SETTINGS_URL }, ['https://premiers-bons-de-commande.fr']],
    ['production with an unparsable platform address: left out', { deployContext: 'production', requestUrl: 'https://x/', primaryUrl: '', siteUrl: SETTINGS_URL }, ['https://premiers-bons-de-commande.fr']],
    [
      'a deploy preview: its own address only',
      { deployContext: 'deploy-preview', requestUrl: 'https://deploy-preview-12--pbc-m2a.netlify.app/api/candidature/', primaryUrl: 'https://pbc-m2a.netlify.app', siteUrl: SETTINGS_URL },
      ['https://deploy-preview-12--pbc-m2a.netlify.app'],
    ],
    [
      'a branch deploy: its own address only',
      { deployContext: 'branch-deploy', requestUrl: 'https://essai--pbc-m2a.netlify.app/api/candidature/', primaryUrl: 'https://pbc-m2a.netlify.app', siteUrl: SETTINGS_URL },
      ['https://essai--pbc-m2a.netlify.app'],
    ],
    ['netlify dev', { deployContext: 'dev', requestUrl: 'http://localhost:8888/api/candidature/', primaryUrl: 'https://pbc-m2a.netlify.app' }, ['http://localhost:8888']],
    ['the Vite emulation (no context)', { deployContext: undefined, requestUrl: 'http://127.0.0.1:4321/api/candidature/' }, ['http://127.0.0.1:4321']],
  ])('%s', (_case, addresses, origins) => {
    expect(expectedOrigins(addresses)).toEqual(origins);
  });
});
