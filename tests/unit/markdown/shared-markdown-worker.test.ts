/**
 * The content sync's Markdown worker (`src/lib/markdown/shared-markdown-worker.ts`):
 * a real worker thread reads files as Astro's Markdown entry type does and
 * renders what the site's processor renders in this thread; whatever it
 * cannot do gives `undefined` (the caller then does it in its own thread),
 * never an error; the last lease released ends it.
 */
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// Astro's own Markdown entry type, which the glob loader uses (not among the package's exports).
import { markdownContentEntryType } from '../../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js';
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
      expect(await worker.run({ kind: 'render', body, frontmatter, filePath: '/site/content/news/essai.md' })).toEqual(expected);
    }
    const images = await worker.run({ kind: 'render', body: BODIES[3]!, frontmatter: {} });
    expect(images?.metadata.localImagePaths).toEqual(['./logo.png']);
    // A remote image counts only from a domain the image options allow (none here).
    expect(images?.metadata.remoteImagePaths).toEqual([]);
    expect(images?.metadata.headings).toEqual([{ depth: 1, slug: 'titre', text: 'Titre' }]);
    expect(failures).toEqual([]);
  });

  it('reads each file as Astro’s Markdown entry type does: front matter (dates included), body, slug, raw YAML', async () => {
    const worker = lease();
    const files = [
      "---\nname: Atelier Numérique\ncreated: 2024-03-01\nsectors:\n  - santé\n  - industrie\npostcode: '68100'\nslug: atelier\n---\n\nUne startup : « test ».\n",
      '\uFEFF---\r\ntitle: Avec BOM et CRLF\r\n---\r\nCorps\r\n',
      '---\n---\nFront matter vide\n',
      'Pas de front matter\n',
      '',
    ];
    for (const contents of files) {
      const astro = await markdownContentEntryType.getEntryInfo({ contents, fileUrl: pathToFileURL('/site/content/startups/atelier.md') });
      expect(await worker.run({ kind: 'entry-info', contents })).toEqual(astro);
    }
    const info = await worker.run({ kind: 'entry-info', contents: files[0]! });
    expect(info?.data['created']).toEqual(new Date('2024-03-01T00:00:00.000Z'));
    expect(info?.data['postcode']).toBe('68100');
  });

  it('a front matter that is not YAML gives undefined (Astro then reports it), and the next file is read', async () => {
    const worker = lease();
    expect(await worker.run({ kind: 'entry-info', contents: '---\ntitle: Appel à projets : édition 2025\n---\n' })).toBeUndefined();
    expect((await worker.run({ kind: 'entry-info', contents: '---\ntitle: Appel\n---\nTexte' }))?.data).toEqual({ title: 'Appel' });
  });

  it('two leases share the worker: the first released, the second still renders; both released, nothing renders', async () => {
    const first = lease();
    const second = lease();
    expect((await first.run({ kind: 'render', body: 'Un', frontmatter: {} }))?.code).toBe('<p>Un</p>\n');
    first.release();
    expect(await first.run({ kind: 'render', body: 'Un', frontmatter: {} })).toBeUndefined();
    expect((await second.run({ kind: 'render', body: 'Deux', frontmatter: {} }))?.code).toBe('<p>Deux</p>\n');
    second.release();
    expect(await second.run({ kind: 'render', body: 'Deux', frontmatter: {} })).toBeUndefined();
    // A new lease starts a new worker; the first one's exit, which the release caused, is no failure.
    expect((await lease().run({ kind: 'render', body: 'Trois', frontmatter: {} }))?.code).toBe('<p>Trois</p>\n');
    expect(failures).toEqual([]);
  });

  it('a front matter it cannot clone gives undefined, and the next body renders', async () => {
    const worker = lease();
    expect(await worker.run({ kind: 'render', body: 'Un', frontmatter: { compute: () => 1 } })).toBeUndefined();
    expect((await worker.run({ kind: 'render', body: 'Deux', frontmatter: {} }))?.code).toBe('<p>Deux</p>\n');
  });

  it('a body its processor fails on gives undefined, and the next body renders', async () => {
    // Without placeholders, the site text plugin throws on the first `{{name}}`.
    const worker = lease(rendererOptions, null as unknown as Record<string, string>);
    expect(await worker.run({ kind: 'render', body: 'Prix : {{plafond}}', frontmatter: {} })).toBeUndefined();
    expect((await worker.run({ kind: 'render', body: 'Deux', frontmatter: {} }))?.code).toBe('<p>Deux</p>\n');
    expect(failures).toEqual([]);
  });

  it('a worker that cannot build its processor gives undefined for every body, and says why once', async () => {
    const worker = lease({ syntaxHighlight: 'shiki', shikiConfig: { theme: 'no-such-theme' } } as unknown as AstroMarkdownOptions);
    expect(await worker.run({ kind: 'render', body: 'Un', frontmatter: {} })).toBeUndefined();
    expect(await worker.run({ kind: 'render', body: 'Deux', frontmatter: {} })).toBeUndefined();
    expect(failures).toEqual(['Theme `no-such-theme` is not included in this bundle. You may want to load it from external source.']);
  });

  it('options it cannot clone into a worker give undefined for every body, and say why', async () => {
    const worker = lease({ syntaxHighlight: false, shikiConfig: { transformers: [{ name: 'x', code: () => undefined }] } } as AstroMarkdownOptions);
    expect(await worker.run({ kind: 'render', body: 'Un', frontmatter: {} })).toBeUndefined();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/could not be cloned/);
  });
});
