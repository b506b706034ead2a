import { DEFAULT_LIMITS } from '../../core/limits';
import { createCapturingClient, limitedFetchSend, type TrafficStore } from '../../traffic';

/** Statuses whose answer has no body: a Response made with one throws. */
const NO_BODY = new Set([204, 205, 304]);

/**
 * A fetch for the conformance check whose every call is one `client→broker` exchange in Traffic, in the flow
 * of its `X-Broker-API-Request-Identity` (one flow per request), so each piece of a check's evidence can be
 * opened there. The answer is read whole within the default limits (the checker reads it again from the
 * Response this gives back); a limit refused or a network failure is recorded and re-thrown unchanged.
 */
export function capturedFetch(traffic: TrafficStore, base: typeof fetch, broker: string): typeof fetch {
  const send = createCapturingClient(
    traffic,
    { hop: 'client→broker', from: 'check', to: `broker:${broker}` },
    limitedFetchSend(DEFAULT_LIMITS, base),
  );
  return async (input, init = {}) => {
    const answer = await send(String(input), {
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const body = NO_BODY.has(answer.status) || answer.text === '' ? null : answer.text;
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}
