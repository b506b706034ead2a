import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ApiError } from '../../core/errors';
import type { NotificationRecord, SmState } from '../../core/sm/model';
import type { Notifier } from '../../core/sm/notifications';

export interface NotificationsOptions {
  path: string;
  authenticate: (req: IncomingMessage) => { platformId: string } | undefined;
  /** The front door's checks (Host, origin), which upgrades bypass: why a request is refused, or undefined. */
  admit?: (req: IncomingMessage) => ApiError | undefined;
  notifier: Notifier;
  state: () => SmState;
  /** The largest frame a client may send (clients send only pings); a bigger one closes with 1009. */
  maxFrameBytes: number;
  /** A client that sends no ping for this long is disconnected; told to clients in `max_ping_period`. */
  maxPingPeriodMs?: number;
  onConnect?: (platformId: string) => void;
  onDisconnect?: (platformId: string) => void;
}

export interface NotificationsEndpoint {
  close(): void;
  clients(): number;
}

interface Client {
  platformId: string;
  /** The highest revision handled for this client: a record both replayed and published goes out once. */
  lastSent: number;
}

const errorCodes: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 410: 'Gone' };

/** Answers an upgrade request with a plain HTTP error, as the SM API would, and drops the connection. */
function refuse(
  socket: Duplex,
  status: number,
  description: string,
  headers: string[] = [],
  error = errorCodes[status],
): void {
  const body = JSON.stringify({ error, description });
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...headers,
  ];
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** Parses `last_notification_revision`: undefined when absent, null when it is not a revision. */
function requestedRevision(url: URL): number | undefined | null {
  const given = url.searchParams.get('last_notification_revision');
  if (given === null) return undefined;
  const revision = Number(given);
  return /^\d+$/.test(given) && Number.isSafeInteger(revision) ? revision : null;
}

/** Serves `/v1/notifications` (Peripli's protocol) on `server`'s upgrade requests. */
export function attachNotifications(server: Server, options: NotificationsOptions): NotificationsEndpoint {
  const { notifier, path } = options;
  const maxPingPeriodMs = options.maxPingPeriodMs ?? 60_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes });
  const clients = new Map<WebSocket, Client>();
  const revisionAtUpgrade = new WeakMap<IncomingMessage, number>();

  wss.on('headers', (headers, req) => {
    headers.push(
      `last_notification_revision: ${revisionAtUpgrade.get(req)}`,
      `max_ping_period: ${maxPingPeriodMs}`,
    );
  });

  const deliver = (socket: WebSocket, client: Client, record: NotificationRecord) => {
    if (record.revision <= client.lastSent) return;
    client.lastSent = record.revision;
    if (notifier.visibleTo(record, client.platformId)) socket.send(JSON.stringify(record));
  };

  const accept = (socket: WebSocket, platformId: string, from: number, missed: NotificationRecord[]) => {
    const client: Client = { platformId, lastSent: from };
    clients.set(socket, client);
    const deadline = setTimeout(() => socket.terminate(), maxPingPeriodMs).unref();
    socket.on('ping', () => deadline.refresh());
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      clearTimeout(deadline);
      clients.delete(socket);
      options.onDisconnect?.(platformId);
    });
    options.onConnect?.(platformId);
    for (const record of missed) deliver(socket, client, record);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) {
      // Another handler may serve this path; with none, nobody would ever answer the socket.
      if (server.listenerCount('upgrade') === 1) socket.destroy();
      return;
    }
    const refusal = options.admit?.(req);
    if (refusal) return refuse(socket, refusal.status, refusal.description, [], refusal.error);
    const identity = options.authenticate(req);
    if (!identity) {
      return refuse(
        socket,
        401,
        'Basic authentication with the credentials of a registered platform is required.',
        ['WWW-Authenticate: Basic realm="Service Manager"'],
      );
    }
    const requested = requestedRevision(url);
    if (requested === null) {
      return refuse(
        socket,
        400,
        'last_notification_revision must be a non-negative integer (a revision this SM sent).',
      );
    }
    const state = options.state();
    const missed = requested === undefined ? [] : notifier.since(state, requested);
    if (!missed) {
      return refuse(
        socket,
        410,
        `The notifications after revision ${requested} are no longer available (the Service Manager is at revision ` +
          `${state.revision}). Resync everything from the Service Manager, then connect without last_notification_revision.`,
      );
    }
    revisionAtUpgrade.set(req, state.revision);
    wss.handleUpgrade(req, socket, head, (ws) =>
      accept(ws, identity.platformId, requested ?? state.revision, missed),
    );
  };

  server.on('upgrade', onUpgrade);
  const unsubscribe = notifier.subscribe((record) => {
    for (const [socket, client] of clients) deliver(socket, client, record);
  });

  return {
    close() {
      server.off('upgrade', onUpgrade);
      unsubscribe();
      for (const socket of clients.keys()) socket.terminate();
      wss.close();
    },
    clients: () => clients.size,
  };
}
