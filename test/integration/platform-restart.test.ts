import { afterEach, describe, expect, it } from 'vitest';
import { type SimulatorOptions, startSimulator } from '../../main/simulator';
import { tempDir } from '../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const json = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json' } });
  return { status: response.status, body: await response.json() };
};

describe('platforms across restarts', () => {
  it('reuse their SM record, proxy credentials and instances; the proxy URLs follow the new ports', async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const options: SimulatorOptions = { portBase: 0, dataDir: dir.path, logLevel: 'silent' };
    const first = await startSimulator(options);
    const before = first.endpoints.platforms;
    const created = await json(`${before[0]!.url}/api/service_instances`, {
      method: 'POST',
      body: JSON.stringify({ name: 'kept', service: 'sample-db', plan: 'small' }),
    });
    expect(created.status).toBe(201);
    await first.stop();

    const second = await startSimulator(options);
    cleanups.push(second.stop);
    const after = second.endpoints.platforms;
    const identity = (list: typeof before) =>
      list.map(({ name, id, proxyCredentials }) => ({ name, id, proxyCredentials }));
    expect(identity(after)).toEqual(identity(before));
    expect(second.store.data.sm.platforms.map((platform) => platform.name)).toEqual(['cf-dev', 'k8s-dev']);
    const instances = await json(`${after[0]!.url}/api/service_instances`);
    expect(instances.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, name: 'kept', state: 'succeeded' }),
    ]);
    const brokers = await json(`${after[0]!.url}/api/service_brokers`);
    expect(brokers.body.items[0].broker_url.startsWith(`${after[0]!.url}/osb/`)).toBe(true);
    const removed = await json(`${after[0]!.url}/api/service_instances/${created.body.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
  });

  it('find their SM record by id after it was renamed, and keep serving their instances', async () => {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    const options: SimulatorOptions = { portBase: 0, dataDir: dir.path, logLevel: 'silent' };
    const first = await startSimulator(options);
    const cf = first.endpoints.platforms.find((platform) => platform.name === 'cf-dev')!;
    const created = await json(`${cf.url}/api/service_instances`, {
      method: 'POST',
      body: JSON.stringify({ name: 'before-rename', service: 'sample-db', plan: 'small' }),
    });
    expect(created.status).toBe(201);
    const { url: smUrl, admin } = first.endpoints.serviceManager!;
    const renamed = await fetch(`${smUrl}/v1/platforms/${cf.id}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ name: 'tp' }),
    });
    expect(renamed.status).toBe(200);
    await first.stop();

    const second = await startSimulator(options);
    cleanups.push(second.stop);
    const after = second.endpoints.platforms.find((platform) => platform.name === 'cf-dev')!;
    expect(after.id).toBe(cf.id);
    expect(second.store.data.sm.platforms.map((platform) => platform.name).sort()).toEqual(['k8s-dev', 'tp']);
    const updated = await json(`${after.url}/api/service_instances/${created.body.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ parameters: { size: 2 } }),
    });
    expect(updated).toMatchObject({ status: 200, body: { state: 'succeeded' } });
    const removed = await json(`${after.url}/api/service_instances/${created.body.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(second.store.data.sm.instances.some((instance) => instance.id === created.body.id)).toBe(false);
  });
});
