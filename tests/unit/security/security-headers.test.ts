import { describe, expect, it } from 'vitest';
import { IMMUTABLE_CACHE_CONTROL, securityHeaderRules } from '../../../src/lib/security/security-headers.ts';
import { readProductionBackend } from '../../../src/lib/cms/select-cms-backend.ts';

describe('securityHeaderRules: caching', () => {
  const rules = securityHeaderRules(
    [
      { name: '_astro', folder: true },
      { name: 'startups', folder: true },
      { name: 'admin', folder: true },
      { name: 'index.html', folder: false },
    ],
    { backend: readProductionBackend({}), turnstile: false },
  );
  const cacheOf = (path: string) => rules.find((rule) => rule.for === path)?.values['Cache-Control'];

  it.each([
    ['/_astro/*', IMMUTABLE_CACHE_CONTROL],
    ['/startups/*', undefined],
    ['/pagefind/*', undefined],
    ['/', undefined],
    ['/admin/*', undefined],
  ])('%s → Cache-Control %j', (path, expected) => {
    expect(cacheOf(path)).toBe(expected);
  });

  it('caches hashed files for one year, immutable', () => {
    expect(IMMUTABLE_CACHE_CONTROL).toBe('public, max-age=31536000, immutable');
  });
});
