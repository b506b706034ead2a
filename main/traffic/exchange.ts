import { type BrokerNames, classifyOsb, platformOfNodes, withBrokerName } from './classify';
import type { Redactor } from './redact';
import { sanitizeMessage } from './sanitize';
import type { Exchange, ExchangeEnd, ExchangeInput, OsbInfo } from './types';

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The path of an absolute or relative URL, without parsing it whole (this runs for every exchange). */
function pathOf(url: string): string {
  return url.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!;
}

function osbOf(input: ExchangeInput, apiVersion: string | undefined): OsbInfo | undefined {
  const classified = classifyOsb(input.method, pathOf(input.url));
  const operation = input.osb?.operation ?? classified?.operation;
  if (!operation) return undefined;
  const info: OsbInfo = { ...classified, operation };
  const platform = platformOfNodes(input.from, input.to);
  if (platform) info.platform = platform;
  if (apiVersion) info.apiVersion = apiVersion;
  for (const [key, value] of Object.entries(input.osb ?? {}))
    if (value !== undefined) Object.assign(info, { [key]: value });
  return info;
}

/** The stored form of a captured exchange: redacted, bodies truncated, OSB operation classified. */
export function buildExchange(
  input: ExchangeInput,
  seq: number,
  redactor: Redactor,
  maxBodyBytes: number,
  brokerNames?: BrokerNames,
): Exchange {
  const request = sanitizeMessage(input.request, redactor, maxBodyBytes);
  const exchange: Exchange = {
    id: String(seq),
    seq,
    flowId: input.flowId,
    hop: input.hop,
    from: input.from,
    to: input.to,
    method: input.method.toUpperCase(),
    url: redactor.url(input.url),
    request,
    startedAt: new Date(input.startMs).toISOString(),
    startMs: input.startMs,
    durationMs: round(input.durationMs),
    notes: [...(input.notes ?? [])],
  };
  if (input.imported) exchange.imported = true;
  if (input.step) exchange.step = input.step;
  answer(exchange, input, redactor, maxBodyBytes);
  const osb = osbOf(input, request.headers['x-broker-api-version']);
  if (osb) exchange.osb = withBrokerName(osb, brokerNames);
  return exchange;
}

type Answer = Pick<ExchangeEnd, 'response' | 'error' | 'errorDetail'>;

function answer(exchange: Exchange, end: Answer, redactor: Redactor, maxBodyBytes: number): void {
  if (end.response) {
    const { status, ...message } = end.response;
    exchange.response = { status, ...sanitizeMessage(message, redactor, maxBodyBytes) };
  }
  if (end.error) exchange.error = redactor.text(end.error);
  if (end.errorDetail) exchange.errorDetail = redactor.text(end.errorDetail);
}

/** Puts the answer (or the failure) into a pending exchange: redacted and truncated as `buildExchange` does. */
export function endExchange(
  exchange: Exchange,
  end: ExchangeEnd,
  redactor: Redactor,
  maxBodyBytes: number,
): void {
  if (end.request) exchange.request = sanitizeMessage(end.request, redactor, maxBodyBytes);
  answer(exchange, end, redactor, maxBodyBytes);
  exchange.durationMs = round(end.durationMs);
  if (end.notes) exchange.notes.push(...end.notes);
  delete exchange.pending;
}

/** Roughly what an exchange holds in memory, for the store's byte budget. */
export function weightOf(exchange: Exchange): number {
  let bytes = 512 + exchange.url.length;
  for (const message of [exchange.request, exchange.response]) {
    if (!message) continue;
    bytes += message.body?.length ?? 0;
    for (const [name, value] of Object.entries(message.headers)) bytes += name.length + value.length + 32;
  }
  return bytes;
}
