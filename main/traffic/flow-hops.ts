import type { Exchange, FlowSummary } from './types';

/**
 * Points the new hop's bodies at the equal strings an earlier hop of its flow holds: the hops of a flow mostly
 * forward one request and one answer (platform → proxy → SM → broker), and each capture read its own copy, so a
 * flow would hold each body three times. Newest hops first, where the forwarded copy usually is.
 */
export function shareBodies(hops: readonly Exchange[], exchange: Exchange): void {
  for (const message of [exchange.request, exchange.response]) {
    if (!message?.body) continue;
    for (let index = hops.length - 1; index >= 0; index--) {
      const hop = hops[index]!;
      if (hop === exchange) continue;
      const same = [hop.request.body, hop.response?.body].find((body) => body === message.body);
      if (same === undefined) continue;
      message.body = same;
      break;
    }
  }
}

/** Hops arrive nearly in order: the insertion point is found from the end. */
export function insertByStart(hops: Exchange[], exchange: Exchange): void {
  let index = hops.length;
  while (index > 0 && hops[index - 1]!.startMs > exchange.startMs) index--;
  hops.splice(index, 0, exchange);
}

/** A light event of an exchange (no bodies), with its flow's summary. */
export function exchangeEvent(exchange: Exchange, flow: FlowSummary) {
  return {
    id: exchange.id,
    flowId: exchange.flowId,
    hop: exchange.hop,
    from: exchange.from,
    to: exchange.to,
    method: exchange.method,
    status: exchange.response?.status ?? null,
    error: exchange.error,
    durationMs: exchange.durationMs,
    operation: exchange.osb?.operation,
    ...(exchange.pending ? { pending: true } : {}),
    ...(exchange.step ? { step: exchange.step } : {}),
    flow,
  };
}
