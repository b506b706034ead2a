import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listen, type RunningServer } from '../../main/servers/http/listen';
import { captureInbound, createCapturingClient, TrafficStore } from '../../main/traffic';

const traffic = new TrafficStore({ maxBodyBytes: 1024 });
let broker: RunningServer;
let proxy: RunningServer;
const seenHeaders: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const brokerApp = express();
  brokerApp.get('/v2/catalog', (req, res) => {
    seenHeaders.push(req.headers);
    res.json({ services: [] });
  });
  brokerApp.get('/hang', () => {});
  brokerApp.get('/big', (_req, res) => {
    res.type('text/plain').write('a'.repeat(800));
    res.end('b'.repeat(800));
  });
  broker = await listen(brokerApp, '127.0.0.1', 0);

  // A stand-in for a broker proxy: captures external callers, forwards to the broker as a captured hop.
  const toBroker = createCapturingClient(traffic, { hop: 'proxy→sm', from: 'proxy:cf-dev', to: 'sm' });
  const proxyApp = express();
  proxyApp.use(captureInbound(traffic, { hop: 'client→proxy', to: 'proxy:cf-dev' }));
  proxyApp.put('/v2/service_instances/:id', async (req, res) => {
    const answer = await toBroker(`${broker.url}/v2/catalog`, {
      method: 'GET',
      headers: { 'X-Broker-API-Request-Identity': req.get('X-Broker-API-Request-Identity')! },
    });
    res.status(201).json({ echoed: req.body, brokerStatus: answer.status, flowId: res.locals.flowId });
  });
  proxyApp.get('/slow', (_req, res) => {
    setTimeout(() => res.json({}), 300);
  });
  proxy = await listen(proxyApp, '127.0.0.1', 0);
});
afterAll(async () => {
  await Promise.all([broker.close(), proxy.close()]);
});

/** The server side records when the response closes, just after the client has the answer. */
/** Waits until flow `flowId` has `hops` hops, none still waiting for its answer. */
const recorded = (flowId: string, hops: number) =>
  vi.waitFor(
    () => {
      const flow = traffic.get(flowId);
      expect(flow?.hopCount).toBe(hops);
      expect(flow?.pending).toBeUndefined();
    },
    { timeout: 2000, interval: 10 },
  );

describe('createCapturingClient', () => {
  const send = createCapturingClient(traffic, { hop: 'sm→broker', from: 'sm', to: 'broker:fake' });

  it('records request, response and timing, marks the hop and carries the flow id', async () => {
    const result = await send(`${broker.url}/v2/catalog`, {
      method: 'GET',
      headers: { Authorization: 'Basic dTpw', 'X-Broker-API-Version': '2.17' },
      flowId: 'flow-a',
    });
    expect(result).toMatchObject({ status: 200, text: '{"services":[]}' });
    expect(result.headers['content-type']).toMatch(/json/);
    const seen = seenHeaders.at(-1)!;
    expect(seen['x-smsim-hop']).toBe('sm->broker');
    expect(seen['x-correlation-id']).toBe('flow-a');
    const exchange = traffic.exchange(result.exchangeId!)!;
    expect(exchange).toMatchObject({
      flowId: 'flow-a',
      hop: 'sm→broker',
      from: 'sm',
      to: 'broker:fake',
      method: 'GET',
      request: { headers: { authorization: '[redacted]', 'x-correlation-id': 'flow-a' } },
      response: { status: 200, body: '{"services":[]}' },
      osb: { operation: 'catalog', apiVersion: '2.17' },
    });
    expect(exchange.request.headers['x-smsim-hop']).toBeUndefined();
    expect(exchange.durationMs).toBeGreaterThan(0);
    expect(Date.parse(exchange.startedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('records an unreachable server and re-throws the same error', async () => {
    const closed = await listen(express(), '127.0.0.1', 0);
    await closed.close();
    const error = await send(`${closed.url}/v2/catalog`, { method: 'GET', flowId: 'flow-down' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.cause.code).toBe('ECONNREFUSED');
    expect(traffic.get('flow-down')!.hops[0]).toMatchObject({
      error: 'unreachable',
      errorDetail: 'ECONNREFUSED',
    });
    expect(traffic.get('flow-down')).toMatchObject({ status: null, error: 'unreachable' });
  });

  it('records a timeout (an aborted signal) and re-throws it', async () => {
    const signal = AbortSignal.timeout(100);
    const error = await send(`${broker.url}/hang`, { method: 'GET', flowId: 'flow-slow', signal }).catch(
      (e) => e,
    );
    expect(error.name).toBe('TimeoutError');
    const [hop] = traffic.get('flow-slow')!.hops;
    expect(hop).toMatchObject({ error: 'timeout' });
    expect(hop!.response).toBeUndefined();
    expect(hop!.durationMs).toBeGreaterThanOrEqual(90);
  });

  it('truncates a large answer but returns it whole', async () => {
    const result = await send(`${broker.url}/big`, { method: 'GET', flowId: 'flow-big' });
    expect(result.text).toHaveLength(1600);
    expect(traffic.get('flow-big')!.hops[0]!.response).toMatchObject({ truncated: true, size: 1600 });
  });
});

describe('captureInbound', () => {
  it('records an external call once, and the hop it causes joins its flow', async () => {
    const before = traffic.size;
    const response = await fetch(`${proxy.url}/v2/service_instances/i-1?accepts_incomplete=true`, {
      method: 'PUT',
      headers: { Authorization: 'Basic dTpw', 'Content-Type': 'application/json' },
      body: JSON.stringify({ service_id: 's', plan_id: 'p', parameters: { password: 'p4ss' } }),
    });
    const answer = await response.json();
    await recorded(answer.flowId, 2);
    expect(traffic.size - before).toBe(2);
    const flow = traffic.get(answer.flowId)!;
    expect(flow.hops.map((hop) => hop.hop)).toEqual(['client→proxy', 'proxy→sm']);
    expect(flow).toMatchObject({
      platform: 'cf-dev',
      operation: 'provision',
      instanceId: 'i-1',
      status: 201,
    });
    const [inbound] = flow.hops;
    expect(inbound).toMatchObject({
      from: 'client',
      to: 'proxy:cf-dev',
      method: 'PUT',
      url: `${proxy.url}/v2/service_instances/i-1?accepts_incomplete=true`,
      request: { headers: { authorization: '[redacted]' } },
      response: { status: 201 },
    });
    expect(JSON.parse(inbound!.request.body!)).toEqual({
      service_id: 's',
      plan_id: 'p',
      parameters: { password: '[redacted]' },
    });
    expect(JSON.parse(inbound!.response!.body!)).toMatchObject({ brokerStatus: 200 });
    expect(inbound!.request.headers['x-broker-api-request-identity']).toBeUndefined();
  });

  it('takes the flow id from the caller and skips calls of capturing clients', async () => {
    await fetch(`${proxy.url}/v2/service_instances/i-2`, {
      method: 'PUT',
      headers: { 'X-Correlation-ID': 'caller-flow', 'Content-Type': 'application/json' },
      body: '{}',
    });
    const viaClient = createCapturingClient(traffic, {
      hop: 'platform→proxy',
      from: 'cf-dev',
      to: 'proxy:cf-dev',
    });
    await viaClient(`${proxy.url}/v2/service_instances/i-3`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      flowId: 'client-flow',
    });
    await recorded('caller-flow', 2);
    await recorded('client-flow', 2);
    expect(traffic.get('caller-flow')!.hops.map((hop) => hop.hop)).toEqual(['client→proxy', 'proxy→sm']);
    expect(traffic.get('client-flow')!.hops.map((hop) => hop.hop)).toEqual(['platform→proxy', 'proxy→sm']);
  });

  it('records a caller that hangs up before the answer', async () => {
    await fetch(`${proxy.url}/slow`, {
      headers: { 'X-Correlation-ID': 'gone' },
      signal: AbortSignal.timeout(50),
    }).catch(() => undefined);
    await recorded('gone', 1);
    const [hop] = traffic.get('gone')!.hops;
    expect(hop!.error).toMatch(/closed the connection/);
  });
});
