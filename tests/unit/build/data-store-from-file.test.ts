import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Plugin } from 'vite';
import { dataStoreFromFile } from '../../../src/integrations/data-store-from-file.ts';

const folder = await mkdtemp(join(tmpdir(), 'data-store-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

/** The Vite plugins the integration adds for `command`, with `cacheDir` the temporary folder. */
function pluginsFor(command: 'build' | 'dev'): Plugin[] {
  const plugins: Plugin[] = [];
  const hook = dataStoreFromFile().hooks['astro:config:setup'] as (options: unknown) => void;
  hook({ command, config: { cacheDir: pathToFileURL(`${folder}/`) }, updateConfig: (update: { vite: { plugins: Plugin[] } }) => plugins.push(...update.vite.plugins) });
  return plugins;
}

function load(plugin: Plugin, id: string): { code: string } | null | undefined {
  const hook = plugin.load as { filter: { id: RegExp }; handler: (id: string) => { code: string } | null };
  return hook.filter.id.test(id) ? hook.handler(id) : undefined;
}

describe('dataStoreFromFile', () => {
  it('adds nothing outside `astro build`', () => {
    expect(pluginsFor('dev')).toEqual([]);
  });

  it('leaves Astro its own module while the store file does not exist, and only that module', async () => {
    const [plugin] = pluginsFor('build');
    expect(plugin?.enforce).toBe('pre');
    expect(load(plugin!, '\0astro:data-layer-content')).toBeNull();
    await writeFile(join(folder, 'data-store.json'), '[]');
    expect(load(plugin!, '\0astro:content')).toBeUndefined();
    expect(load(plugin!, 'astro:data-layer-content')).toBeUndefined();
  });

  it('makes a module exporting the parsed store file, read when the module runs', async () => {
    const [plugin] = pluginsFor('build');
    const store = [{ startups: 1 }, ['Acme « fictive »', 'l’usine\n"citée"']];
    await writeFile(join(folder, 'data-store.json'), JSON.stringify(store));
    const module = join(folder, 'store-module.mjs');
    await writeFile(module, load(plugin!, '\0astro:data-layer-content')!.code);
    const { default: loaded } = (await import(pathToFileURL(module).href)) as { default: unknown };
    expect(loaded).toEqual(store);
  });

  it('answers before an earlier `enforce: pre` plugin loading the same module, as Astro’s content plugin is', async () => {
    const [plugin] = pluginsFor('build');
    await writeFile(join(folder, 'data-store.json'), '[]');
    const astroLike: Plugin = { name: 'astro-content-like', enforce: 'pre', load: { filter: { id: /^\0astro:data-layer-content$/ }, handler: () => ({ code: 'export default JSON.parse("[]")' }) } };
    const server = await createServer({ configFile: false, logLevel: 'silent', server: { middlewareMode: true, ws: false, watch: null }, plugins: [astroLike, plugin!] });
    try {
      const loaded = await server.environments.ssr.pluginContainer.load('\0astro:data-layer-content');
      expect(typeof loaded === 'object' && loaded !== null ? loaded.code : loaded).toBe(`import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(join(folder, 'data-store.json'))}, 'utf8'));\n`);
    } finally {
      await server.close();
    }
  });
});
