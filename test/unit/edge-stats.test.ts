import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../main/core/events';
import { EdgeStats, LATENCY_SAMPLES, RATE_WINDOW_SECONDS } from '../../main/traffic/edge-stats';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const SM_TO_BROKER = { from: 'service-manager', to: 'broker-sample' };

let id = 0;
const event = (type: string, data: unknown, atMs = T0): SimEvent => ({
  id: ++id,
  type,
  at: new Date(atMs).toISOString(),
  data,
});
const call = (status: number | null, durationMs: number, atMs = T0, extra: object = {}) =>
  event(
    'traffic.exchange',
    { hop: 'sm→broker', from: 'sm', to: 'broker:sample', status, durationMs, ...extra },
    atMs,
  );

describe('edge statistics', () => {
  it('counts ended calls of an edge: errors (5xx, no answer), refusals (4xx), the p50 and the last status', () => {
    const stats = new EdgeStats();
    for (const [status, ms] of [
      [201, 10],
      [200, 30],
      [409, 20],
      [500, 40],
      [null, 5000],
    ] as const)
      stats.observe(call(status, ms));
    stats.observe(call(200, 1, T0, { pending: true }));
    expect(stats.view(SM_TO_BROKER, T0 + 500)).toMatchObject({
      total: 5,
      errors: 2,
      refused: 1,
      p50Ms: 30,
      last: { status: null, at: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('leaves out hops that are no edge (inside a platform, from a client, from elsewhere) and imported ones', () => {
    const stats = new EdgeStats();
    stats.observe(
      event('traffic.exchange', { hop: 'platform→proxy', from: 'cf-dev', to: 'proxy:cf-dev', status: 201 }),
    );
    stats.observe(event('traffic.exchange', { hop: 'client→sm', from: 'client', to: 'sm', status: 201 }));
    stats.observe(
      event('traffic.exchange', { hop: 'other', from: 'client', to: 'example.org', status: 201 }),
    );
    const proxyToSm = { hop: 'proxy→sm', from: 'proxy:cf-dev', to: 'sm', status: 201 };
    stats.observe(event('traffic.exchange', { ...proxyToSm, flow: { imported: true } }));
    stats.observe(event('traffic.exchange', proxyToSm));
    expect(stats.view({ from: 'platform-cf-dev', to: 'service-manager' }).total).toBe(1);
    expect(stats.view(SM_TO_BROKER)).toMatchObject({ total: 0, p50Ms: null, ratePerSecond: 0 });
  });

  it('gives the rate over the latest seconds, falling to 0 once calls stop', () => {
    const stats = new EdgeStats();
    for (let index = 0; index < 10; index++) stats.observe(call(200, 1, T0 + index * 100));
    expect(stats.view(SM_TO_BROKER, T0 + 999).ratePerSecond).toBeCloseTo(
      10 / (RATE_WINDOW_SECONDS - 0.001),
      1,
    );
    expect(stats.view(SM_TO_BROKER, T0 + RATE_WINDOW_SECONDS * 1000).ratePerSecond).toBe(0);
  });

  it('keeps the p50 of the latest calls only', () => {
    const stats = new EdgeStats();
    for (let index = 0; index < LATENCY_SAMPLES; index++) stats.observe(call(200, 1000));
    for (let index = 0; index < LATENCY_SAMPLES; index++) stats.observe(call(200, 2));
    expect(stats.view(SM_TO_BROKER).p50Ms).toBe(2);
  });

  it('starts again after a Clear, and forgets a removed broker', () => {
    const stats = new EdgeStats();
    stats.observe(call(200, 1));
    stats.observe(event('sm.broker', { action: 'updated', broker: { name: 'sample' } }));
    expect(stats.view(SM_TO_BROKER).total).toBe(1);
    stats.observe(event('sm.broker', { action: 'deleted', broker: { name: 'sample' } }));
    expect(stats.view(SM_TO_BROKER).total).toBe(0);
    stats.observe(call(200, 1));
    stats.observe(event('traffic.cleared', {}));
    expect(stats.view(SM_TO_BROKER).total).toBe(0);
  });
});
