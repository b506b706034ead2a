import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../core/validate';
import type { TrafficStore } from './store';
import { type ExchangeInput, hops, osbOperations } from './types';

const header = z.object({ name: z.string(), value: z.string() });

/** The fields of HAR 1.2 that an import needs (others are ignored), plus smsim's `_` extensions. */
const harEntrySchema = z.object({
  startedDateTime: z.iso.datetime({ offset: true }),
  time: z.number().min(0),
  request: z.object({
    method: z.string().min(1),
    url: z.string().min(1),
    headers: z.array(header),
    postData: z.object({ mimeType: z.string(), text: z.string().optional() }).optional(),
    bodySize: z.number().optional(),
  }),
  response: z.object({
    status: z.number().int().min(0).max(999),
    headers: z.array(header),
    content: z.object({
      size: z.number(),
      text: z.string().optional(),
      encoding: z.string().optional(),
    }),
  }),
  _flowId: z.string().min(1).optional(),
  _hop: z.enum(hops).optional(),
  _from: z.string().min(1).optional(),
  _to: z.string().min(1).optional(),
  _osb: z
    .object({
      operation: z.enum(osbOperations).optional(),
      platform: z.string().optional(),
      brokerId: z.string().optional(),
    })
    .optional(),
  _notes: z
    .array(z.object({ level: z.enum(['info', 'warn', 'error']), code: z.string(), message: z.string() }))
    .optional(),
  _error: z.string().optional(),
  _errorDetail: z.string().optional(),
  _step: z.string().min(1).optional(),
});

export const harSchema = z.object(
  { log: z.object({ version: z.string(), entries: z.array(harEntrySchema) }) },
  { error: 'expected a HAR 1.2 document: {"log": {"version": "1.2", "entries": […]}}' },
);

type HarEntryInput = z.infer<typeof harEntrySchema>;

function headerRecord(list: Array<{ name: string; value: string }>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { name, value } of list) {
    const key = name.toLowerCase();
    result[key] = key in result ? `${result[key]}, ${value}` : value;
  }
  return result;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}

function responseBody({ text, encoding }: HarEntryInput['response']['content']): string | undefined {
  return text !== undefined && encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

function inputOf(entry: HarEntryInput, flowId: string): ExchangeInput {
  const { request, response } = entry;
  const input: ExchangeInput = {
    flowId,
    hop: entry._hop ?? 'other',
    from: entry._from ?? 'client',
    to: entry._to ?? hostOf(request.url),
    method: request.method,
    url: request.url,
    request: { headers: headerRecord(request.headers), body: request.postData?.text },
    startMs: Date.parse(entry.startedDateTime),
    durationMs: entry.time,
    notes: entry._notes,
    osb: entry._osb,
    imported: true,
  };
  if (request.postData?.text !== undefined && request.bodySize && request.bodySize > 0)
    input.request.size = request.bodySize;
  if (response.status > 0) {
    const body = responseBody(response.content);
    input.response = { status: response.status, headers: headerRecord(response.headers), body };
    if (body !== undefined && response.content.size > 0) input.response.size = response.content.size;
  } else input.error = entry._error ?? 'no answer';
  if (entry._errorDetail) input.errorDetail = entry._errorDetail;
  if (entry._step) input.step = entry._step;
  return input;
}

/**
 * Reads a HAR file (ours or another tool's) into the store: an entry without `_flowId` is a flow of its
 * own; a flow id already held gets a fresh one, so importing the same file twice gives two sets of flows.
 * Throws a 400 ApiError naming the first invalid field.
 */
export function importHar(store: TrafficStore, json: unknown) {
  const har = parseInput(harSchema, json, 'The HAR file');
  const renamed = new Map<string, string>();
  const flowIdOf = (entry: HarEntryInput) => {
    if (!entry._flowId) return randomUUID();
    let id = renamed.get(entry._flowId);
    if (!id) {
      id = store.hasFlow(entry._flowId) ? randomUUID() : entry._flowId;
      renamed.set(entry._flowId, id);
    }
    return id;
  };
  return store.insert(har.log.entries.map((entry) => inputOf(entry, flowIdOf(entry))));
}
