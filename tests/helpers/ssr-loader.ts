/**
 * Loading the project's TypeScript modules (functions, `.tsx` components) in a
 * plain Node process — benchmarks, child processes of the tests — through
 * Vite's SSR module loader, the transform pipeline vitest uses: Node's type
 * stripping does not handle `.tsx`.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

/** A Vite server in middleware mode for `ssrLoadModule('/path/from/root.ts')`; `close()` it when done. */
export function startSsrLoader(): Promise<ViteDevServer> {
  return createServer({
    root: fileURLToPath(new URL('../../', import.meta.url)),
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}
