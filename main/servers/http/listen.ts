import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { DEFAULT_LIMITS } from '../../core/limits';
import { answerClientErrors } from './client-errors';
import { type FrontDoorSettings, frontDoor } from './front-door';

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts `app` behind the front door (main/servers/http/front-door.ts) on host:port (0 = a free port);
 * `close()` also ends idle keep-alive and open connections.
 */
export function listen(
  app: Express,
  host: string,
  port: number,
  door: FrontDoorSettings = { limits: DEFAULT_LIMITS },
): Promise<RunningServer> {
  const server = createServer(frontDoor(app, { ...door, host }));
  answerClientErrors(server);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(`Port ${port} on ${host} is in use. Stop what holds it or choose another --port-base.`),
        );
      } else reject(error);
    });
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${actual}`,
        port: actual,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
