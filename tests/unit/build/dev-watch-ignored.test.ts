import { describe, expect, it } from 'vitest';
import { createDevWatchIgnored } from '../../../src/lib/build/dev-watch-ignored.ts';

const ROOT = '/work/project';

describe('createDevWatchIgnored', () => {
  it('skips tmp/ and dist/ and what they hold, with content/ served', () => {
    const ignored = createDevWatchIgnored(ROOT, `${ROOT}/content`);
    expect(['tmp', 'tmp/bench-build/content-10000/startups/a.md', 'dist', 'dist/pagefind/pagefind.js'].map((path) => ignored(`${ROOT}/${path}`))).toEqual([true, true, true, true]);
    expect(['content', 'content/news/a.md', 'src/pages/index.astro', 'tmpfile.ts', 'distant/a.ts', 'astro.config.mjs'].map((path) => ignored(`${ROOT}/${path}`))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('watches a content folder served from under tmp/, and the folders above it, but nothing else of tmp/', () => {
    const ignored = createDevWatchIgnored(ROOT, `${ROOT}/tmp/tests/dev-server/content`);
    const watched = ['tmp', 'tmp/tests', 'tmp/tests/dev-server', 'tmp/tests/dev-server/content', 'tmp/tests/dev-server/content/news/ouverture-du-site.md'];
    expect(watched.map((path) => ignored(`${ROOT}/${path}`))).toEqual([false, false, false, false, false]);
    const skipped = ['tmp/tests/dev-server/.netlify/outbox/a.eml', 'tmp/tests/submissions-content-x/startups/a.md', 'tmp/tests/dev-server/content-old', 'tmp/bench-build'];
    expect(skipped.map((path) => ignored(`${ROOT}/${path}`))).toEqual([true, true, true, true]);
  });

  it('reads a relative path from the project root', () => {
    const ignored = createDevWatchIgnored(ROOT, `${ROOT}/content`);
    expect([ignored('tmp/tests/x.md'), ignored('content/news/a.md')]).toEqual([true, false]);
  });
});
