import type { SimEvent } from '../../../main/servers/control/api-types';
import type { Connection } from '../model/live';
import { createFrameBatcher } from './frame-batcher';

interface Handlers {
  onEvents: (events: SimEvent[]) => void;
  onConnection: (connection: Connection) => void;
}

/**
 * Follows the SSE stream `/api/events` for the life of the page. Every event is unnamed and its data is
 * the simulator's JSON event `{id, type, at, data}`; the EventSource reconnects by itself with
 * Last-Event-ID, so nothing is missed.
 */
export function connectEvents(handlers: Handlers, url = '/api/events'): EventSource {
  const push = createFrameBatcher(handlers.onEvents);
  const source = new EventSource(url);
  source.onopen = () => handlers.onConnection('live');
  source.onerror = () => handlers.onConnection('reconnecting');
  source.onmessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as Partial<SimEvent>;
    if (typeof event.type === 'string') push(event as SimEvent);
  };
  return source;
}
