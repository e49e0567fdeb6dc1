/**
 * The database connection lost without a reset (NAT time-out, fail-over): the
 * visitor given a dead pooled connection gets the 503 within 5 s, and the next
 * visitors are accepted (`harness.ts`).
 */
import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { settleBackgroundWork } from '../../helpers/function-context.ts';
import { countRows } from '../../helpers/form-fixtures.ts';
import { UNAVAILABLE_WITHIN_MS, services, submit, submitAccepted, useFaultServices } from './harness.ts';

useFaultServices();

/**
 * A TCP proxy in front of the database whose connections can go dead: after
 * `cut()`, the connections open then forward nothing more and never close (a
 * network path lost without a reset: NAT time-out, fail-over); new connections
 * still work.
 */
async function startCuttableProxy(target: URL): Promise<{ url: string; cut(): void; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let cutBefore = 0;
  let opened = 0;
  const server = createServer((client) => {
    const index = (opened += 1);
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    const alive = () => index > cutBefore;
    client.on('data', (chunk) => alive() && upstream.write(chunk));
    upstream.on('data', (chunk) => alive() && client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: url.toString(),
    cut: () => {
      cutBefore = opened;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the database connection lost without a reset', () => {
  it('a visitor given a dead pooled connection gets the 503 within 5 s; the dead connections are dropped and the next visitors are accepted', async ({ annotate }) => {
    const proxy = await startCuttableProxy(new URL(services.databaseUrl));
    process.env['NETLIFY_DB_URL'] = proxy.url;
    const before = await countRows(services.database, 'submissions');
    const answers: { status: number; ms: number }[] = [];
    try {
      // Open the pool's connections (the answer's statement, then the e-mails' record).
      await Promise.all([submitAccepted(), submitAccepted(), submitAccepted()]);
      await settleBackgroundWork();
      proxy.cut();
      for (let visitor = 0; visitor < 5; visitor += 1) {
        const started = performance.now();
        const response = await submit();
        await response.body?.cancel();
        answers.push({ status: response.status, ms: performance.now() - started });
      }
    } finally {
      await services.restoreDatabase();
      await proxy.stop();
    }
    await annotate(`answers after the cut: ${answers.map(({ status, ms }) => `${status} in ${Math.round(ms)} ms`).join(', ')}`);
    const statuses = answers.map(({ status }) => status);
    // At most one 503 per pooled connection (3 at most), all before the first acceptance.
    const unavailable = statuses.filter((status) => status === 503).length;
    expect(unavailable).toBeGreaterThanOrEqual(1);
    expect(unavailable).toBeLessThanOrEqual(3);
    expect(statuses).toEqual([...Array(unavailable).fill(503), ...Array(5 - unavailable).fill(200)]);
    for (const { ms } of answers) expect(ms).toBeLessThan(UNAVAILABLE_WITHIN_MS);
    await settleBackgroundWork();
    expect(await countRows(services.database, 'submissions')).toBe(before + 3 + 5 - unavailable);
  });
});
