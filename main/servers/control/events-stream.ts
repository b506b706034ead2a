import type { Request, RequestHandler, Response } from 'express';
import { nowIso } from '../../core/clock';
import type { EventBus, SimEvent } from '../../core/events';

const HEARTBEAT_MS = 15_000;

/**
 * Events go out unnamed (so a plain EventSource `onmessage` gets them all), with ids `<boot>-<n>`: a
 * reconnect after a restart of the simulator is recognised and gets every event still held.
 */
function send(res: Response, bus: EventBus, event: SimEvent): void {
  res.write(`id: ${bus.bootId}-${event.id}\ndata: ${JSON.stringify(event)}\n\n`);
}

function resumePoint(req: Request, bus: EventBus): number | undefined {
  const raw =
    req.get('Last-Event-ID') ??
    (typeof req.query.lastEventId === 'string' ? req.query.lastEventId : undefined);
  const match = raw?.match(/^([\w]+)-(\d+)$/);
  if (!match) return undefined;
  return match[1] === bus.bootId ? Number(match[2]) : 0;
}

/** `GET /api/events`: Server-Sent Events; a reconnect with Last-Event-ID gets what it missed. */
export function eventsStream(bus: EventBus): RequestHandler {
  return (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    const resumeFrom = resumePoint(req, bus);
    if (resumeFrom !== undefined) {
      const missed = bus.since(resumeFrom);
      if (missed) for (const event of missed) send(res, bus, event);
      else
        send(res, bus, {
          id: bus.lastId,
          type: 'resync',
          at: nowIso(),
          data: { from: resumeFrom },
        });
    }
    send(res, bus, {
      id: bus.lastId,
      type: 'hello',
      at: nowIso(),
      data: { lastId: bus.lastId },
    });
    const unsubscribe = bus.subscribe((event) => send(res, bus, event));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  };
}
