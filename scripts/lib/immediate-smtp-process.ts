/**
 * The child process of `startImmediateSmtp` (`immediate-smtp.ts`): listens,
 * sends its port to the parent, then answers `counts` with its counters, and
 * exits on `stop`.
 */
import { listenImmediateSmtp } from './immediate-smtp.ts';

const responder = await listenImmediateSmtp();
process.on('message', (request) => {
  if (request === 'counts') process.send!(responder.counts());
  else if (request === 'stop') process.exit(0);
});
process.send!({ port: responder.port });
