import type { SimEvent } from '../api';
import type { Connection } from '../store';
import { createFrameBatcher } from './frame-batcher';
import { type SseMessage, SseParser } from './sse-parser';

const DEFAULT_RETRY_MS = 1000;

interface Handlers {
  onEvents: (events: SimEvent[]) => void;
  onConnection: (connection: Connection) => void;
}

/** The simulator's events are JSON `{id, type, at, data}`; anything else (a `resync` notice) is wrapped as one. */
export function toSimEvent(message: SseMessage): SimEvent {
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    data = message.data;
  }
  const event = data as Partial<SimEvent> | null;
  if (typeof event?.type === 'string' && typeof event.id === 'number') return event as SimEvent;
  return { id: Number(message.lastEventId) || 0, type: message.type, at: new Date().toISOString(), data };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function follow(url: string, parser: SseParser, handlers: Handlers, push: (event: SimEvent) => void) {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (parser.lastEventId) headers['Last-Event-ID'] = parser.lastEventId;
  const response = await fetch(url, { headers, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  handlers.onConnection('live');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const message of parser.feed(value)) push(toSimEvent(message));
  }
}

/**
 * Follows the SSE stream `/api/events` for the life of the page, reconnecting (with Last-Event-ID, so
 * nothing is missed) whenever it drops. Read with fetch rather than EventSource: the server names every
 * event after its type, and an EventSource only delivers named events to a listener registered for that
 * exact name.
 */
export async function connectEvents(handlers: Handlers, url = '/api/events'): Promise<never> {
  const push = createFrameBatcher(handlers.onEvents);
  const parser = new SseParser();
  for (;;) {
    await follow(url, parser, handlers, push).catch(() => undefined);
    handlers.onConnection('reconnecting');
    await sleep(parser.retryMs ?? DEFAULT_RETRY_MS);
    parser.reset();
  }
}
