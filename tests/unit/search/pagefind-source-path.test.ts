import { describe, expect, it } from 'vitest';
import { toPagefindSourcePath } from '../../../src/lib/search/pagefind-source-path.ts';

describe('toPagefindSourcePath', () => {
  it.each([
    ['/', 'index.html'],
    ['/startups/exemple-00001-signal-rhin-logiciels/', 'startups/exemple-00001-signal-rhin-logiciels/index.html'],
    ['/404', '404.html'],
    ['/pages/donn%C3%A9es/', 'pages/données/index.html'],
  ])('%s → %s', (pathname, expected) => {
    expect(toPagefindSourcePath(pathname)).toBe(expected);
  });
});
