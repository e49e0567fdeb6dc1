import { describe, expect, it } from 'vitest';
import { checkRequestOrigin, expectedOrigin } from '../../../../src/lib/forms/request/check-request-origin.ts';

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
    expect(checkRequestOrigin(new Headers(headers), OWN)).toEqual(decision);
  });
});

describe('expectedOrigin', () => {
  it.each([
    ['production: the site_url setting', 'production', 'https://site.netlify.app/api/candidature/', 'https://premiers-bons-de-commande.fr/', 'https://premiers-bons-de-commande.fr'],
    ['a deploy preview: its own address', 'deploy-preview', 'https://deploy-preview-12--site.netlify.app/api/candidature/', 'https://premiers-bons-de-commande.fr/', 'https://deploy-preview-12--site.netlify.app'],
    ['a branch deploy: its own address', 'branch-deploy', 'https://essai--site.netlify.app/api/candidature/', 'https://premiers-bons-de-commande.fr/', 'https://essai--site.netlify.app'],
    ['netlify dev', 'dev', 'http://localhost:8888/api/candidature/', 'https://premiers-bons-de-commande.fr/', 'http://localhost:8888'],
    ['the Vite emulation (no context)', undefined, 'http://127.0.0.1:4321/api/candidature/', 'https://premiers-bons-de-commande.fr/', 'http://127.0.0.1:4321'],
  ])('%s', (_case, deployContext, requestUrl, siteUrl, origin) => {
    expect(expectedOrigin(deployContext, requestUrl, siteUrl)).toBe(origin);
  });
});
