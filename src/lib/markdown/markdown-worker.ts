/**
 * Worker thread of the content sync (`shared-markdown-worker.ts`): splits
 * Markdown files into front matter and body as Astro's Markdown entry type
 * does, and renders bodies with the site's processor (`site-markdown.ts`),
 * built from its `workerData` ({@link MarkdownWorkerData}) as Astro builds it
 * from the config. Replies to each {@link JobRequest} with a {@link JobReply}.
 * Runs as TypeScript under Node (type stripping), outside Vite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';
import { siteMarkdownProcessor } from './site-markdown.ts';
import type { EntryInfo, JobReply, JobRequest, MarkdownWorkerData } from './markdown-worker-messages.ts';

const { placeholders, rendererOptions } = workerData as MarkdownWorkerData;
const renderer = await siteMarkdownProcessor(placeholders).createRenderer(rendererOptions);
const port = parentPort!;

/**
 * As Astro's Markdown entry type reads a file (`getEntryInfo` in
 * astro/dist/vite-plugin-markdown/content-entry-type.js, through
 * `safeParseFrontmatter` of astro/dist/content/utils.js).
 * @throws the YAML parser's error (the caller then asks Astro, whose error names the file)
 */
function entryInfo(contents: string): EntryInfo {
  const { frontmatter, rawFrontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  return { data: frontmatter, body: content.trim(), slug: frontmatter['slug'] as string, rawData: rawFrontmatter };
}

port.on('message', async (request: JobRequest) => {
  let reply: JobReply;
  try {
    const result =
      request.kind === 'entry-info'
        ? entryInfo(request.contents)
        : await renderer.render(request.body, { frontmatter: request.frontmatter, ...(request.filePath === undefined ? {} : { fileURL: pathToFileURL(request.filePath) }) });
    reply = { id: request.id, result };
  } catch {
    reply = { id: request.id, failed: true };
  }
  port.postMessage(reply);
});
