import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler, Response } from 'express';
import { CORRELATION_HEADER, HOP_HEADER, REQUEST_IDENTITY_HEADER } from './capture-client';
import type { TrafficStore } from './store';

export interface InboundOptions {
  hop: 'client→proxy' | 'client→sm';
  /** Default `client`. */
  from?: string;
  /** This server's node name, e.g. `sm` or `proxy:cf-dev`. */
  to: string;
  /** The platform the caller speaks for (e.g. found from its credentials). */
  platform?: (req: Request) => string | undefined;
}

function flatHeaders(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

/** The parsed body, written back as JSON (the raw bytes are the body parser's). */
function bodyText(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
}

/** Keeps a copy of what the response writes, up to `maxBytes`; counts the rest. */
function tapResponse(res: Response, maxBytes: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return;
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (size < maxBytes) chunks.push(Buffer.from(bytes.subarray(0, maxBytes - size)));
    size += bytes.length;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as Response['write'];
  res.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  }) as Response['end'];
  return () => ({
    body: size > 0 ? Buffer.concat(chunks).toString('utf8') : undefined,
    size,
    complete: size <= maxBytes,
  });
}

/**
 * Records what external clients (curl, a real platform) send to this server, one exchange per request.
 * Requests of the simulator's own capturing clients (`X-Smsim-Hop`) were recorded by the client and are
 * not recorded again. For every request the flow id (its `X-Broker-API-Request-Identity`, else its
 * `X-Correlation-ID`, else a new one) is set as its `X-Broker-API-Request-Identity` and as
 * `res.locals.flowId`, so the hops it causes join the flow. The exchange is stored pending as the request
 * arrives; mount it before the body parser: the body is read when the answer ends.
 */
export function captureInbound(traffic: TrafficStore, options: InboundOptions): RequestHandler {
  const { hop, from = 'client', to } = options;
  return (req, res, next) => {
    const startMs = performance.timeOrigin + performance.now();
    const headers = flatHeaders(req.headers);
    const flowId = req.get(REQUEST_IDENTITY_HEADER) ?? req.get(CORRELATION_HEADER) ?? randomUUID();
    req.headers[REQUEST_IDENTITY_HEADER.toLowerCase()] ??= flowId;
    res.locals.flowId = flowId;
    if (req.get(HOP_HEADER) !== undefined || traffic.paused) return next();
    const captured = tapResponse(res, traffic.maxBodyBytes);
    const platform = options.platform?.(req);
    const exchange = traffic.begin({
      flowId,
      hop,
      from,
      to,
      method: req.method,
      url: `${req.protocol}://${req.get('host')}${req.originalUrl}`,
      request: { headers },
      startMs,
      osb: platform ? { platform } : undefined,
    });
    res.once('close', () => {
      traffic.complete(exchange, {
        request: { headers, body: bodyText(req.body) },
        response: res.headersSent
          ? { status: res.statusCode, headers: flatHeaders(res.getHeaders()), ...captured() }
          : undefined,
        error: res.writableFinished ? undefined : 'the client closed the connection before the answer ended',
        durationMs: performance.timeOrigin + performance.now() - startMs,
      });
    });
    next();
  };
}
