import { type SimulatorOptions, startSimulator } from '../../main/simulator';
import { tempDir } from './temp-dir';

export type TestSimulator = Awaited<ReturnType<typeof startTestSimulator>>;

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** A simulator on free ports with a temp data folder; `cleanup` stops it and removes the folder. */
export async function startTestSimulator(options: SimulatorOptions = {}) {
  const dir = await tempDir();
  const simulator = await startSimulator({ portBase: 0, dataDir: dir.path, logLevel: 'silent', ...options });
  const sm = simulator.endpoints.serviceManager!;
  const adminAuth = basic(sm.admin.username, sm.admin.password);

  /** A JSON call to the Service Manager as the admin (or with the given Authorization). */
  async function smCall(
    method: string,
    path: string,
    body?: unknown,
    authorization: string | null = adminAuth,
  ) {
    const headers: Record<string, string> = {};
    if (authorization) headers.Authorization = authorization;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${sm.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
      text,
    };
  }

  /** Registers a broker at `url` (credentials u/p) in the SM; its record and its plans as the SM lists them. */
  async function registerBroker(name: string, url: string) {
    const created = await smCall('POST', '/v1/service_brokers', {
      name,
      broker_url: url,
      credentials: { basic: { username: 'u', password: 'p' } },
    });
    const plans = await smCall(
      'GET',
      `/v1/service_plans?fieldQuery=${encodeURIComponent(`broker_id eq '${created.body?.id}'`)}`,
    );
    return { created, plans: (plans.body?.items ?? []) as Array<{ id: string; name: string }> };
  }

  return {
    simulator,
    dataDir: dir.path,
    smUrl: sm.url,
    adminAuth,
    basic,
    smCall,
    registerBroker,
    cleanup: async () => {
      await simulator.stop();
      await dir.remove();
    },
  };
}
