// The ceiling: a bare Fastify hello-world on the same machine, in a process of its own, with nothing
// Sideline adds (no store, logging, security headers, rate limit, authentication or validation).
import Fastify from 'fastify';
import type { ServerReady } from './protocol.js';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
const ready: ServerReady = { port: address.port, tokens: {}, requests: 0 };
process.send?.(ready);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('disconnect', () => void stop());
process.once('SIGTERM', () => void stop());
