/**
 * Worker thread of the content sync (`markdown-render-worker-pool.ts`): renders
 * Markdown bodies with the site's processor (`site-markdown.ts`), built from
 * its `workerData` ({@link MarkdownWorkerData}) as Astro builds it from the
 * config, and replies to each {@link RenderRequest} with a {@link RenderReply}.
 * Runs as TypeScript under Node (type stripping), outside Vite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { siteMarkdownProcessor } from './site-markdown.ts';
import type { MarkdownWorkerData, RenderReply, RenderRequest } from './markdown-worker-messages.ts';

const { placeholders, rendererOptions } = workerData as MarkdownWorkerData;
const renderer = await siteMarkdownProcessor(placeholders).createRenderer(rendererOptions);
const port = parentPort!;

port.on('message', async ({ id, body, frontmatter, filePath }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const { code, metadata } = await renderer.render(body, { frontmatter, ...(filePath === undefined ? {} : { fileURL: pathToFileURL(filePath) }) });
    reply = { id, code, metadata };
  } catch {
    reply = { id, failed: true };
  }
  port.postMessage(reply);
});
