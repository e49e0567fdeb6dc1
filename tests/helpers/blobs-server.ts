/**
 * The local Netlify Blobs server on 127.0.0.1 (random port), on a temporary
 * folder; `getStore()` in the code under test talks to it once the environment
 * context is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { TEST_TMP } from './paths.ts';

export interface LocalBlobs {
  readonly url: string;
  readonly directory: string;
  stop(): Promise<void>;
}

const TOKEN = 'test-blobs-token';

/** Start the server and point `@netlify/blobs` at it. */
export async function startLocalBlobs(): Promise<LocalBlobs> {
  const directory = await mkdtemp(join(TEST_TMP, 'blobs-'));
  const server = new BlobsServer({ directory, token: TOKEN });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, token: TOKEN, siteID: 'test-site' });
  return {
    url,
    directory,
    stop: async () => {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
