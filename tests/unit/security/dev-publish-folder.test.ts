/**
 * `npm run dev` must not serve the production headers of an earlier build: the
 * Netlify Vite plugin applies the `_headers` of the publish folder, whose CSP
 * blocks the dev server's inline styles (issue 13: unstyled pages after
 * `npm run build`), and it has no option to turn headers off.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

describe('netlify.toml', () => {
  it('publishes dist/ in builds and public/, with no _headers file, in the dev context', async () => {
    const config = parse(await readFile(join(root, 'netlify.toml'), 'utf8')) as { build: { publish: string }; context: { dev: { publish: string } } };
    expect(config.build.publish).toBe('dist');
    expect(config.context.dev.publish).toBe('public');
    expect(existsSync(join(root, config.context.dev.publish, '_headers'))).toBe(false);
  });
});
