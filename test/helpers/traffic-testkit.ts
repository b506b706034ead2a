import { z } from 'zod';
import type { ExchangeInput } from '../../main/traffic';
import { provisionHops } from './provision-hops';

let clock = Date.UTC(2026, 0, 1);

/** One captured exchange (a catalog fetch unless overridden), each later than the one before. */
export function exchangeInput(overrides: Partial<ExchangeInput> = {}): ExchangeInput {
  clock += 10;
  return {
    flowId: 'flow-1',
    hop: 'sm→broker',
    from: 'sm',
    to: 'broker:sample',
    method: 'GET',
    url: 'http://127.0.0.1:4820/v2/catalog',
    request: { headers: { 'X-Broker-API-Version': '2.17' } },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"services":[]}' },
    startMs: clock,
    durationMs: 5,
    ...overrides,
  };
}

export interface ProvisionFlow {
  flowId: string;
  platform?: string;
  instanceId?: string;
  broker?: string;
  status?: number;
}

/** A provision through a platform: its three hops as `provisionHops` records them. */
export function provisionFlow({
  flowId,
  platform = 'cf-dev',
  instanceId = 'inst-1',
  broker = 'sample',
  status = 201,
}: ProvisionFlow): ExchangeInput[] {
  clock += 100;
  const body = JSON.stringify({ service_id: 's', plan_id: 'p', context: { platform: 'cloudfoundry' } });
  return provisionHops({
    flowId,
    platform,
    broker,
    brokerId: 'broker-id-1',
    path: `/v2/service_instances/${instanceId}?accepts_incomplete=true`,
    status,
    startMs: clock,
    durationMs: 30,
    request: () => ({ headers: { 'content-type': 'application/json' }, body }),
    responseBody: '{}',
  });
}

/** The required fields of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/); custom ones start with `_`. */
const knownEntryKeys = { startedDateTime: 1, time: 1, request: 1, response: 1, cache: 1, timings: 1 };
const nameValue = z.object({ name: z.string(), value: z.string() }).strict();
export const har12 = z
  .object({
    log: z
      .object({
        version: z.literal('1.2'),
        creator: z.object({ name: z.string(), version: z.string() }).strict(),
        entries: z.array(
          z
            .object({
              startedDateTime: z.iso.datetime({ offset: true }),
              time: z.number().min(0),
              request: z
                .object({
                  method: z.string().min(1),
                  url: z.url(),
                  httpVersion: z.string().min(1),
                  cookies: z.array(nameValue),
                  headers: z.array(nameValue),
                  queryString: z.array(nameValue),
                  postData: z.object({ mimeType: z.string(), text: z.string() }).strict().optional(),
                  headersSize: z.number().int().min(-1),
                  bodySize: z.number().int().min(-1),
                })
                .strict(),
              response: z
                .object({
                  status: z.number().int().min(0),
                  statusText: z.string(),
                  httpVersion: z.string().min(1),
                  cookies: z.array(nameValue),
                  headers: z.array(nameValue),
                  content: z
                    .object({ size: z.number().int(), mimeType: z.string(), text: z.string().optional() })
                    .strict(),
                  redirectURL: z.string(),
                  headersSize: z.number().int().min(-1),
                  bodySize: z.number().int().min(-1),
                })
                .strict(),
              cache: z.object({}).strict(),
              timings: z
                .object({ send: z.number().min(0), wait: z.number().min(0), receive: z.number().min(0) })
                .strict(),
            })
            .catchall(z.unknown())
            .refine(
              (entry) => Object.keys(entry).every((key) => key in knownEntryKeys || key.startsWith('_')),
              'a custom field must start with "_"',
            )
            .refine(
              (entry) =>
                Math.abs(entry.time - (entry.timings.send + entry.timings.wait + entry.timings.receive)) <
                1e-6,
              'time is the sum of the timings',
            ),
        ),
      })
      .strict(),
  })
  .strict();
