/**
 * Checks that a local port is free before a server is started on it, so that a
 * taken port gives a sentence saying what to do instead of a later EADDRINUSE.
 */
import { createServer } from 'node:net';

/**
 * Resolves when `port` can be bound on `host`.
 * @param advice what to do when it is taken, appended to the error's message
 * @throws Error « Port host:port is not free (EADDRINUSE). <advice> »
 */
export function assertPortFree(port: number, host: string, advice: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(new Error(`Port ${host}:${port} is not free (${error.code ?? error.message}). ${advice}`)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
