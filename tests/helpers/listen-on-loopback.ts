/** Starts a test server on 127.0.0.1, on a port the OS picks. */
import type { Server } from 'node:net';

/**
 * Listens on a free port of 127.0.0.1 (loopback only: nothing outside the machine reaches a test server).
 * @returns the port
 * @throws when the server has no TCP address (it listens on a pipe)
 */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
