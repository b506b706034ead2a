import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { Entry } from 'har-format';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../main/core/errors';
import { importHar, TrafficStore, toHar, writeHar } from '../../main/traffic';
import { exchangeInput, har12, provisionFlow } from '../helpers/traffic-testkit';

function filledStore() {
  const store = new TrafficStore();
  for (const input of provisionFlow({ flowId: 'p1' })) store.record(input);
  store.record(
    exchangeInput({
      flowId: 'bind',
      method: 'PUT',
      url: 'http://127.0.0.1:1/v2/service_instances/i/service_bindings/b?accepts_incomplete=true',
      request: { headers: { authorization: 'Basic c2VjcmV0' }, body: '{"service_id":"s"}' },
      response: { status: 201, headers: {}, body: '{"credentials":{"password":"pw-in-binding"}}' },
    }),
  );
  store.record(
    exchangeInput({ flowId: 'down', response: undefined, error: 'unreachable', errorDetail: 'ECONNREFUSED' }),
  );
  store.addNote(store.get('bind')!.hops[0]!.id, { level: 'warn', code: 'C', message: 'm' });
  return store;
}

describe('HAR export', () => {
  it('is valid HAR 1.2 with smsim extensions and no secret', () => {
    const har = toHar(filledStore().exchanges(), '0.1.0');
    const parsed = har12.safeParse(har);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const [first] = har.log.entries;
    expect(first).toMatchObject({ _order: 0, _flowId: 'p1', _hop: 'platform→proxy', _redacted: true });
    expect(first!._osb).toMatchObject({ operation: 'provision', platform: 'cf-dev' });
    const bind = har.log.entries.find((entry) => entry._flowId === 'bind')!;
    expect(bind.request.queryString).toEqual([{ name: 'accepts_incomplete', value: 'true' }]);
    expect(bind._notes).toEqual([{ level: 'warn', code: 'C', message: 'm' }]);
    const down = har.log.entries.find((entry) => entry._flowId === 'down')!;
    expect(down.response).toMatchObject({ status: 0, statusText: '' });
    expect(down).toMatchObject({ _error: 'unreachable', _errorDetail: 'ECONNREFUSED' });
    const text = JSON.stringify(har);
    for (const secret of ['c2VjcmV0', 'pw-in-binding']) expect(text).not.toContain(secret);
  });

  it('is checked by a validator that refuses what HAR 1.2 refuses', () => {
    const har = toHar(filledStore().exchanges(), '0.1.0');
    const valid = (change: (entry: Entry) => void) => {
      const copy = structuredClone(har);
      change(copy.log.entries[0]!);
      return har12.safeParse(copy).success;
    };
    expect(valid(() => {})).toBe(true);
    expect(valid((entry) => Reflect.deleteProperty(entry.request, 'cookies'))).toBe(false);
    expect(valid((entry) => Reflect.deleteProperty(entry.response.content, 'mimeType'))).toBe(false);
    expect(valid((entry) => Object.assign(entry, { flowId: 'x' }))).toBe(false);
    expect(valid((entry) => Object.assign(entry, { time: entry.time + 5 }))).toBe(false);
  });

  it('streams the same document it builds', async () => {
    const exchanges = filledStore().exchanges();
    const out = new PassThrough();
    const written = text(out);
    await writeHar(out, exchanges, '0.1.0');
    expect(JSON.parse(await written)).toEqual(JSON.parse(JSON.stringify(toHar(exchanges, '0.1.0'))));
  });

  it('exports only the flows a filter matches, in the order they were sent', () => {
    const exchanges = filledStore().exchanges({ operation: 'provision' });
    expect(exchanges.map((exchange) => exchange.hop)).toEqual(['platform→proxy', 'proxy→sm', 'sm→broker']);
  });
});

describe('HAR import', () => {
  it('round-trips: flows, hops, statuses, notes, errors and OSB facts come back', () => {
    const source = filledStore();
    const har = JSON.parse(JSON.stringify(toHar(source.exchanges(), '0.1.0')));
    const target = new TrafficStore();
    expect(importHar(target, har)).toHaveLength(5);
    for (const id of ['p1', 'bind', 'down']) {
      const before = source.get(id)!;
      const after = target.get(id)!;
      const { seq: _a, ...summaryBefore } = before;
      expect(after).toMatchObject({ ...summaryBefore, imported: true, hops: expect.any(Array) });
      expect(after.hops.map(({ id: _i, seq: _s, imported: _m, ...hop }) => hop)).toEqual(
        before.hops.map(({ id: _i, seq: _s, ...hop }) => hop),
      );
    }
  });

  it('gives a second import of the same file flows of its own', () => {
    const har = toHar(filledStore().exchanges(), '0.1.0');
    const store = new TrafficStore();
    importHar(store, har);
    importHar(store, har);
    expect(store.state()).toMatchObject({ size: 10, flows: 6 });
  });

  it('reads HAR files of other tools: one flow per entry, base64 bodies, and redacts them', () => {
    const store = new TrafficStore();
    const entry = (url: string) => ({
      startedDateTime: '2026-01-01T10:00:00.000+01:00',
      time: 12.5,
      request: {
        method: 'GET',
        url,
        headers: [{ name: 'Authorization', value: 'Bearer abc' }],
        httpVersion: 'h2',
      },
      response: {
        status: 200,
        headers: [],
        content: {
          size: 20,
          mimeType: 'application/json',
          encoding: 'base64',
          text: btoa('{"token":"t-1"}'),
        },
      },
    });
    const [first, second] = importHar(store, {
      log: {
        version: '1.2',
        creator: { name: 'x', version: '1' },
        entries: [entry('https://a/v2/catalog'), entry('https://b/x')],
      },
    });
    expect(first!.flowId).not.toBe(second!.flowId);
    expect(first).toMatchObject({ hop: 'other', from: 'client', to: 'a', osb: { operation: 'catalog' } });
    expect(first!.request.headers.authorization).toBe('[redacted]');
    expect(JSON.parse(first!.response!.body!)).toEqual({ token: '[redacted]' });
    expect(first!.startedAt).toBe('2026-01-01T09:00:00.000Z');
  });

  it('refuses a file that is not HAR with a 400 naming the field', () => {
    const store = new TrafficStore();
    const bad = { log: { version: '1.2', entries: [{ startedDateTime: 'yesterday', time: 1 }] } };
    expect(() => importHar(store, bad)).toThrowError(ApiError);
    try {
      importHar(store, bad);
    } catch (error) {
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).description).toMatch(/log\.entries\[0\]\.startedDateTime/);
    }
    expect(() => importHar(store, [])).toThrow(/a HAR 1\.2 document/i);
    expect(store.size).toBe(0);
  });
});
