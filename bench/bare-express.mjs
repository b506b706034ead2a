// The baseline of bench/start-up.ts: `count` bare Express servers in one process, each answering GET /. Plain
// JavaScript, so that as a process (`node bench/bare-express.mjs COUNT`, printing `ready` once all listen) it
// pays for nothing but Node and Express.
import { fileURLToPath } from 'node:url';
import express from 'express';

/** Starts `count` servers on free ports of 127.0.0.1; resolves once all listen. */
export async function startBareExpress(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const app = express().get('/', (_request, response) => {
            response.send('ok');
          });
          const server = app.listen(0, '127.0.0.1', (error) => (error ? reject(error) : resolve(server)));
        }),
    ),
  );
  return {
    urls: servers.map((server) => `http://127.0.0.1:${server.address().port}`),
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise((resolve) => {
              server.close(resolve);
              server.closeAllConnections();
            }),
        ),
      ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bare = await startBareExpress(Number(process.argv[2]));
  console.log('ready');
  await bare.close();
}
