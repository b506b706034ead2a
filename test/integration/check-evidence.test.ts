import { describe, expect, it, vi } from 'vitest';
import { CHECKS } from '../../main/workflows/conformance';
import { control, fastSimulatorForFile } from '../helpers/recorded-session';

const setup = fastSimulatorForFile();

const api = (method: string, path: string, body?: unknown) => control(setup.controlUrl, method, path, body);

async function download(path: string) {
  const response = await fetch(`${setup.controlUrl}/api${path}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function sampleBrokerId(): Promise<string> {
  const { body } = await api('GET', '/sm/service_brokers');
  return body.items.find((broker: { name: string }) => broker.name === 'sample').id;
}

interface Evidence {
  method: string;
  url: string;
  status: number | null;
  flowId?: string;
}
interface CheckView {
  id: string;
  status: string;
  evidence?: Evidence[];
}

describe('a conformance check run from the control API', () => {
  it('captures its calls in Traffic, links each piece of evidence to its flow and serves its JSON and JUnit reports', async () => {
    const started = await api('POST', '/fixtures/checks', { broker_id: await sampleBrokerId() });
    expect(started.status).toBe(202);
    const early = await download(`/fixtures/checks/${started.body.id}/report.json`);
    expect(early.status).toBe(409);
    expect(JSON.parse(early.text)).toMatchObject({ error: 'Conflict', description: /still running/ });

    const run = await vi.waitFor(
      async () => {
        const { body } = await api('GET', `/fixtures/checks/${started.body.id}`);
        if (body.status === 'running') throw new Error('the check is still running');
        return body;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(run.status).toBe('finished');
    const checks: CheckView[] = run.areas.flatMap((area: { checks: CheckView[] }) => area.checks);
    const evidence = checks.flatMap((check) => check.evidence ?? []);
    expect(evidence.length).toBeGreaterThan(CHECKS.length / 2);
    expect(evidence.every((exchange) => typeof exchange.flowId === 'string')).toBe(true);

    const catalog = checks.find((check) => check.id.startsWith('catalog.'))!.evidence![0]!;
    const flow = await api('GET', `/flows/${catalog.flowId}`);
    expect(flow.status).toBe(200);
    expect(flow.body.hops).toHaveLength(1);
    expect(flow.body.hops[0]).toMatchObject({
      hop: 'client→broker',
      from: 'check',
      to: 'broker:sample',
      method: catalog.method,
      url: catalog.url,
      response: { status: catalog.status },
    });
    expect(flow.body.hops[0].request.headers.authorization).not.toMatch(/^Basic /);

    const json = await download(`/fixtures/checks/${run.id}/report.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toContain('smsim-check-sample.json');
    const report = JSON.parse(json.text);
    expect(report.summary).toEqual(run.summary);
    expect(report.checks.map((check: { id: string }) => check.id)).toEqual(CHECKS.map((check) => check.id));

    const junit = await download(`/fixtures/checks/${run.id}/report.xml`);
    expect(junit.status).toBe(200);
    expect(junit.headers.get('content-disposition')).toContain('smsim-check-sample.xml');
    expect(junit.text.match(/<testcase /g)).toHaveLength(CHECKS.length);
    expect(junit.text).not.toContain(setup.sim.simulator.endpoints.sampleBroker!.credentials.password);
  });

  it('answers 404 with what to do for an unknown run or file', async () => {
    const unknownRun = await download('/fixtures/checks/no-such-run/report.json');
    expect(unknownRun.status).toBe(404);
    expect(JSON.parse(unknownRun.text)).toMatchObject({ error: 'NotFound', description: /GET \/checks/ });
    const { body } = await api('GET', '/fixtures/checks');
    const id = body[0]?.id ?? 'none';
    expect((await download(`/fixtures/checks/${id}/report.pdf`)).status).toBe(404);
  });
});
