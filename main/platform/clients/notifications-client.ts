import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import type { SmNotification } from '../../core/platform/reconcile';
import { type BasicCredentials, basicAuthHeader } from '../../traffic/basic-auth';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'stopped';

export interface NotificationsClientOptions {
  /** `ws://…/v1/notifications`. */
  url: string;
  credentials: () => BasicCredentials;
  /** The last revision applied; 0 connects without one (the SM then sends only what comes next). */
  revision: () => number;
  /** Connected; `revision` is the SM's current revision (handshake header). `resumed`: connected with one. */
  onOpen(revision: number, resumed: boolean): void;
  onNotification(notification: SmNotification): void;
  /** The SM answered 410: the revision is too old, everything must be fetched again. */
  onGone(): void;
  onState(state: ConnectionState): void;
  reconnectDelayMs?: number;
}

const header = (response: IncomingMessage, name: string) => {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The broker proxy's side of the SM's `/v1/notifications` (Peripli's protocol): connects with
 * `last_notification_revision`, pings within `max_ping_period`, reconnects after any loss.
 */
export class NotificationsClient {
  #socket: WebSocket | undefined;
  #timers = new Set<NodeJS.Timeout>();
  #state: ConnectionState = 'disconnected';
  /** Set by `disconnect(offlineMs)`: no reconnect before then. */
  #offlineUntil = 0;

  constructor(private readonly options: NotificationsClientOptions) {}

  get state(): ConnectionState {
    return this.#state;
  }

  start(): void {
    if (this.#state === 'stopped') return;
    this.#connect();
  }

  /** Drops the connection as a network failure would; reconnects after `offlineMs` (or the usual delay). */
  disconnect(offlineMs = 0): void {
    this.#offlineUntil = Date.now() + offlineMs;
    this.#socket?.terminate();
  }

  stop(): void {
    this.#setState('stopped');
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#socket?.terminate();
  }

  #later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms).unref();
    this.#timers.add(timer);
    return timer;
  }

  #setState(state: ConnectionState): void {
    if (this.#state === state || this.#state === 'stopped') return;
    this.#state = state;
    this.options.onState(state);
  }

  #connect(): void {
    const revision = this.options.revision();
    const url =
      revision > 0 ? `${this.options.url}?last_notification_revision=${revision}` : this.options.url;
    this.#setState('connecting');
    const socket = new WebSocket(url, {
      headers: { Authorization: basicAuthHeader(this.options.credentials()) },
    });
    this.#socket = socket;
    let pinger: NodeJS.Timeout | undefined;
    socket.on('upgrade', (response) => {
      const current = Number(header(response, 'last_notification_revision') ?? 0);
      const maxPing = Number(header(response, 'max_ping_period') ?? 60_000);
      pinger = setInterval(() => socket.ping(), Math.max(100, maxPing / 3)).unref();
      socket.once('open', () => {
        this.#setState('connected');
        this.options.onOpen(current, revision > 0);
      });
    });
    socket.on('unexpected-response', (_request, response) => {
      if (response.statusCode === 410) this.options.onGone();
      response.resume();
      socket.terminate();
    });
    socket.on('message', (data) => {
      try {
        this.options.onNotification(JSON.parse(data.toString()) as SmNotification);
      } catch {
        // Not a notification; the next resync repairs whatever it was about.
      }
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      clearInterval(pinger);
      if (this.#socket !== socket || this.#state === 'stopped') return;
      this.#setState('disconnected');
      const delay = Math.max(this.options.reconnectDelayMs ?? 1000, this.#offlineUntil - Date.now());
      this.#later(delay, () => this.#connect());
    });
  }
}
