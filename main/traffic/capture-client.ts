import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS } from '../core/limits';
import { type AnswerLimits, readAnswer } from './read-answer';
import type { TrafficStore } from './store';
import type { ExchangeInput, Hop } from './types';

/** Marks requests made by a capturing client, so the receiving server's `captureInbound` skips them. */
export const HOP_HEADER = 'X-Smsim-Hop';
export const REQUEST_IDENTITY_HEADER = 'X-Broker-API-Request-Identity';
export const CORRELATION_HEADER = 'X-Correlation-ID';

export interface SendInit {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** The flow this call belongs to; else the request's identity / correlation header, else a new one. */
  flowId?: string;
  /** The operation this call is a later step of (a poll…): its hops are filed under that flow, as `step`. */
  partOf?: { flowId: string; step: string };
}

export interface SendResult {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
  /** The recorded exchange (for `TrafficStore.addNote`); undefined when capture is paused or off. */
  exchangeId?: string;
}

/** An HTTP call as the simulator's servers make it: a whole text answer, or a thrown network error. */
export type HttpSend = (url: string, init: SendInit) => Promise<SendResult>;

export interface HopEnds {
  hop: Hop;
  /** Node names, e.g. `sm` and `broker:sample`. */
  from: string;
  to: string;
  /** Set on the exchange's OSB info (else derived from the path and the node names). */
  platform?: string;
  brokerId?: string;
}

/**
 * The uncaptured call, on `fetchImpl` (default global fetch): a redirect is not followed (the 3xx is the
 * answer: OSB has none), the body is read within `limits` (else `AnswerRefusedError`).
 */
export function limitedFetchSend(limits: AnswerLimits, fetchImpl: typeof fetch = fetch): HttpSend {
  return async (url, { method, headers, body, signal }) => {
    const response = await fetchImpl(url, { method, headers, body, signal, redirect: 'manual' });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      text: await readAnswer(response, limits),
    };
  };
}

/** `limitedFetchSend` with the default limits. */
export const fetchSend: HttpSend = limitedFetchSend(DEFAULT_LIMITS);

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** How a failed call is recorded: `timeout`, `aborted`, `unreachable` (with the socket error's code), or the message. */
function failureOf(
  error: unknown,
  signal: AbortSignal | undefined,
): Pick<ExchangeInput, 'error' | 'errorDetail'> {
  if (signal?.aborted) {
    const reason = (signal.reason as { name?: string } | undefined)?.name;
    return { error: reason === 'TimeoutError' ? 'timeout' : 'aborted' };
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return { error: 'unreachable', errorDetail: cause.code };
  return { error: cause?.message ?? (error as Error).message ?? String(error) };
}

/**
 * An `HttpSend` that records every call as one exchange of hop `ends.hop` in `traffic`, in the flow given by
 * `init.flowId` (filed under `init.partOf`'s when given), pending from when it is sent to its answer. Its
 * requests carry `X-Smsim-Hop` (so the server side does not record them again) and, when they carry no
 * identity header, `X-Correlation-ID: <flow id>`. A network error or an abort is recorded and re-thrown
 * unchanged.
 */
export function createCapturingClient(
  traffic: TrafficStore,
  ends: HopEnds,
  send: HttpSend = fetchSend,
): HttpSend {
  const { hop, from, to, platform, brokerId } = ends;
  const osb = { platform, brokerId };
  return async (url, init) => {
    const headers = { ...init.headers };
    const identity = headerOf(headers, REQUEST_IDENTITY_HEADER) ?? headerOf(headers, CORRELATION_HEADER);
    const flowId = init.flowId ?? identity ?? randomUUID();
    if (!identity) headers[CORRELATION_HEADER] = flowId;
    const record = {
      flowId,
      hop,
      from,
      to,
      method: init.method,
      url,
      osb,
      request: { headers, body: init.body },
    };
    if (init.partOf) traffic.join(flowId, init.partOf.flowId, init.partOf.step);
    const startMs = performance.timeOrigin + performance.now();
    const exchange = traffic.begin({ ...record, startMs });
    let result: SendResult;
    try {
      result = await send(url, { ...init, headers: { ...headers, [HOP_HEADER]: hop.replace('→', '->') } });
    } catch (error) {
      const durationMs = performance.timeOrigin + performance.now() - startMs;
      traffic.complete(exchange, { durationMs, ...failureOf(error, init.signal) });
      throw error;
    }
    const durationMs = performance.timeOrigin + performance.now() - startMs;
    const response = { status: result.status, headers: result.headers, body: result.text };
    traffic.complete(exchange, { durationMs, response });
    return { ...result, exchangeId: exchange?.id };
  };
}
