/**
 * The content sync's Markdown worker (`src/lib/markdown/shared-markdown-worker.ts`):
 * a real worker thread renders what the site's processor renders in this
 * thread; whatever it cannot do gives `undefined` (the caller then renders in
 * its own thread), never an error; the last lease released ends it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AstroMarkdownOptions } from '@astrojs/internal-helpers/markdown';
import { leaseMarkdownWorker, type MarkdownWorkerLease } from '../../../src/lib/markdown/shared-markdown-worker.ts';
import { siteMarkdownProcessor } from '../../../src/lib/markdown/site-markdown.ts';

const placeholders = { plafond: '15\u202f000\u00a0€\u00a0HT' };
const rendererOptions: AstroMarkdownOptions = { syntaxHighlight: false };
const leases: MarkdownWorkerLease[] = [];
const failures: string[] = [];

function lease(options: AstroMarkdownOptions = rendererOptions, withPlaceholders: Record<string, string> = placeholders): MarkdownWorkerLease {
  const taken = leaseMarkdownWorker({ placeholders: withPlaceholders, rendererOptions: options }, (reason) => failures.push(reason));
  leases.push(taken);
  return taken;
}

afterEach(() => {
  for (const taken of leases.splice(0)) taken.release();
  failures.splice(0);
});

const BODIES = [
  'Un premier bon de commande : jusqu’à {{plafond}} !',
  '## Les "étapes"\n\n1. Candidater -- en ligne...\n2. Signer la charte\n\n| Étape | Délai |\n|---|---|\n| Dépôt | 2 semaines |',
  'Voir <a href="/charte/">la charte\n\n<p>Prix : {{plafond}} ?</p>\n\n`code : {{plafond}}`',
  '# Titre\n\n![Logo de la startup](./logo.png)\n\n![Photo](https://example.org/photo.png)',
];

describe('the shared Markdown worker', () => {
  it('renders each body as the site’s processor does in this thread: HTML, headings, image paths', async () => {
    const here = await siteMarkdownProcessor(placeholders).createRenderer(rendererOptions);
    const worker = lease();
    for (const body of BODIES) {
      const frontmatter = { title: 'Essai', date: new Date('2026-03-01T00:00:00Z') };
      const expected = await here.render(body, { frontmatter });
      expect(await worker.render({ body, frontmatter, filePath: '/site/content/news/essai.md' })).toEqual(expected);
    }
    const images = await worker.render({ body: BODIES[3]!, frontmatter: {} });
    expect(images?.metadata.localImagePaths).toEqual(['./logo.png']);
    // A remote image counts only from a domain the image options allow (none here).
    expect(images?.metadata.remoteImagePaths).toEqual([]);
    expect(images?.metadata.headings).toEqual([{ depth: 1, slug: 'titre', text: 'Titre' }]);
    expect(failures).toEqual([]);
  });

  it('two leases share the worker: the first released, the second still renders; both released, nothing renders', async () => {
    const first = lease();
    const second = lease();
    expect((await first.render({ body: 'Un', frontmatter: {} }))?.code).toBe('<p>Un</p>\n');
    first.release();
    expect(await first.render({ body: 'Un', frontmatter: {} })).toBeUndefined();
    expect((await second.render({ body: 'Deux', frontmatter: {} }))?.code).toBe('<p>Deux</p>\n');
    second.release();
    expect(await second.render({ body: 'Deux', frontmatter: {} })).toBeUndefined();
    // A new lease starts a new worker.
    expect((await lease().render({ body: 'Trois', frontmatter: {} }))?.code).toBe('<p>Trois</p>\n');
  });

  it('a front matter it cannot clone gives undefined, and the next body renders', async () => {
    const worker = lease();
    expect(await worker.render({ body: 'Un', frontmatter: { compute: () => 1 } })).toBeUndefined();
    expect((await worker.render({ body: 'Deux', frontmatter: {} }))?.code).toBe('<p>Deux</p>\n');
  });

  it('a body its processor fails on gives undefined, and the next body renders', async () => {
    // Without placeholders, the site text plugin throws on the first `{{name}}`.
    const worker = lease(rendererOptions, null as unknown as Record<string, string>);
    expect(await worker.render({ body: 'Prix : {{plafond}}', frontmatter: {} })).toBeUndefined();
    expect((await worker.render({ body: 'Deux', frontmatter: {} }))?.code).toBe('<p>Deux</p>\n');
    expect(failures).toEqual([]);
  });

  it('a worker that cannot build its processor gives undefined for every body, and says why once', async () => {
    const worker = lease({ syntaxHighlight: 'shiki', shikiConfig: { theme: 'no-such-theme' } } as unknown as AstroMarkdownOptions);
    expect(await worker.render({ body: 'Un', frontmatter: {} })).toBeUndefined();
    expect(await worker.render({ body: 'Deux', frontmatter: {} })).toBeUndefined();
    expect(failures).toEqual(['Theme `no-such-theme` is not included in this bundle. You may want to load it from external source.']);
  });

  it('options it cannot clone into a worker give undefined for every body, and say why', async () => {
    const worker = lease({ syntaxHighlight: false, shikiConfig: { transformers: [{ name: 'x', code: () => undefined }] } } as AstroMarkdownOptions);
    expect(await worker.render({ body: 'Un', frontmatter: {} })).toBeUndefined();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/could not be cloned/);
  });
});
