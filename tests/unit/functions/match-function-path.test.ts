import { describe, expect, it } from 'vitest';
import * as candidature from '../../../netlify/functions/candidature.mts';
import * as jeton from '../../../netlify/functions/jeton.mts';
import * as merci from '../../../netlify/functions/merci.mts';
import * as retry from '../../../netlify/functions/retry-pending-emails.mts';
import { findFunctionForPath, matchesFunctionPath } from '../../../src/lib/functions/match-function-path.ts';

describe('matchesFunctionPath', () => {
  it('matches each path of a list, with and without its trailing slash when both are listed, and nothing else', () => {
    const config = { path: ['/api/jeton/', '/api/jeton'] };
    expect(['/api/jeton/', '/api/jeton', '/api/jeton/x', '/api/jetons', '/API/jeton/'].map((path) => matchesFunctionPath(config, path))).toEqual([true, true, false, false, false]);
  });

  it('reads URLPattern syntax and leaves out excludedPath', () => {
    const config = { path: '/api/*', excludedPath: ['/api/v1/'] };
    expect(['/api/candidature/', '/api/v1/', '/site/'].map((path) => matchesFunctionPath(config, path))).toEqual([true, false, false]);
    expect(matchesFunctionPath({ path: '/dossiers/:id' }, '/dossiers/42')).toBe(true);
  });

  it('routes nothing to a function without path (a scheduled one) or without config', () => {
    expect(matchesFunctionPath({}, '/')).toBe(false);
    expect(matchesFunctionPath(undefined, '/')).toBe(false);
  });
});

describe('findFunctionForPath, on the functions’ own configs', () => {
  const modules = [retry, candidature, jeton, merci];

  it.each([
    ['/api/candidature/', candidature],
    ['/api/jeton', jeton],
    ['/formulaires/merci/', merci],
  ])('%s goes to its function', (path, expected) => {
    expect(findFunctionForPath(modules, path)).toBe(expected);
  });

  it.each(['/', '/candidater/', '/api/v1/', '/formulaires/reponse/'])('%s goes to none (the site or the CMS backend answers)', (path) => {
    expect(findFunctionForPath(modules, path)).toBeUndefined();
  });
});
