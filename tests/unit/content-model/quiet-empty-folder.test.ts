/**
 * The loader glue of `src/data/quiet-empty-folder.ts`: the glob loader's
 * warning about a collection folder without entries (content/orders/ before the
 * first order) is not shown; its other messages are, unchanged.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { withQuietEmptyFolder } from '../../../src/data/quiet-empty-folder.ts';

/** What reached the logger, as `level: message`. */
function recordingLogger(lines: string[]): LoaderContext['logger'] {
  const logger = {
    options: {},
    label: 'glob-loader',
    info: (message: string) => lines.push(`info: ${message}`),
    warn: (message: string) => lines.push(`warn: ${message}`),
    error: (message: string) => lines.push(`error: ${message}`),
    debug: (message: string) => lines.push(`debug: ${message}`),
    fork: () => logger,
  };
  return logger as unknown as LoaderContext['logger'];
}

/** A loader that logs as the glob loader does on an empty folder, then other messages. */
const warningLoader: Loader = {
  name: 'glob-loader',
  load: async ({ logger }) => {
    logger.warn('No files found matching "*.md" in directory "content/orders"');
    logger.warn('Duplicate id "a" found in content/orders/a.md');
    logger.info('Loaded 0 entries');
  },
};

describe('withQuietEmptyFolder', () => {
  it('drops the empty-folder warning and passes every other message on', async () => {
    const lines: string[] = [];
    const wrapped = withQuietEmptyFolder(warningLoader);
    expect(wrapped.name).toBe('glob-loader');
    await wrapped.load({ logger: recordingLogger(lines) } as unknown as LoaderContext);
    expect(lines).toEqual(['warn: Duplicate id "a" found in content/orders/a.md', 'info: Loaded 0 entries']);
  });
});
