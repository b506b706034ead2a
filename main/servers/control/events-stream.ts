import type { Request, RequestHandler, Response } from 'express';
import type { EventBus, SimEvent } from '../../core/events';

const HEARTBEAT_MS = 15_000;

function send(res: Response, event: SimEvent): void {
  res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

function lastEventId(req: Request): number | undefined {
  const raw =
    req.get('Last-Event-ID') ??
    (typeof req.query.lastEventId === 'string' ? req.query.lastEventId : undefined);
  const id = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

/** `GET /api/events`: Server-Sent Events; a reconnect with Last-Event-ID gets what it missed. */
export function eventsStream(events: EventBus): RequestHandler {
  return (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    const resumeFrom = lastEventId(req);
    if (resumeFrom !== undefined) {
      const missed = events.since(resumeFrom);
      if (missed) for (const event of missed) send(res, event);
      else res.write(`event: resync\ndata: {"reason":"events after ${resumeFrom} are no longer held"}\n\n`);
    }
    send(res, {
      id: events.lastId,
      type: 'hello',
      at: new Date().toISOString(),
      data: { lastId: events.lastId },
    });
    const unsubscribe = events.subscribe((event) => send(res, event));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  };
}
