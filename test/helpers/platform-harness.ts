import { vi } from 'vitest';
import type { LoggedRequest } from '../../main/core/sample-broker/request-log';
import type { SimulatorOptions } from '../../main/simulator';
import { startTestSimulator } from './simulator';

export interface JsonAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  body: any;
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Calls `check` every 50 ms (vi.waitFor) until it returns something truthy; throws after `timeoutMs`. */
export function eventually<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs = 5000,
): Promise<Truthy<T>> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (!value) throw new Error(`timed out waiting for ${what}`);
      return value as Truthy<T>;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

/** A simulator with the sample broker, driven through the control server's platform pass-through. */
export async function startPlatformSimulator(options: SimulatorOptions = {}) {
  const harness = await startTestSimulator(options);
  const control = harness.simulator.endpoints.control.url;

  async function call(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer> {
    const response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Kept as text.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** The platform API of one platform (`/api/platforms/<name>/...` on the control server). */
  const platform = (name: string) => (method: string, path: string, body?: unknown) =>
    call(method, `${control}/api/platforms/${name}${path}`, body);

  /** The sample broker's request log, oldest first. */
  const brokerRequests = async (): Promise<LoggedRequest[]> =>
    ((await call('GET', `${control}/api/sample-broker/requests`)).body as LoggedRequest[]).reverse();

  const addFault = async (fault: Record<string, unknown>) => {
    const answer = await call('POST', `${control}/api/sample-broker/faults`, fault);
    if (answer.status !== 201) throw new Error(`fault refused: ${JSON.stringify(answer.body)}`);
  };

  return {
    ...harness,
    control,
    call,
    platform,
    brokerRequests,
    addFault,
    clearBroker: async () => {
      await call('DELETE', `${control}/api/sample-broker/faults`);
      await call('DELETE', `${control}/api/sample-broker/requests`);
    },
    platformEndpoint: (name: string) =>
      harness.simulator.endpoints.platforms.find((entry) => entry.name === name)!,
  };
}

export type PlatformSimulator = Awaited<ReturnType<typeof startPlatformSimulator>>;

/** The decoded `X-Broker-API-Originating-Identity`. */
export function identityOf(request: LoggedRequest) {
  const header = request.headers['x-broker-api-originating-identity'];
  if (typeof header !== 'string') return undefined;
  const [platform, encoded] = header.split(' ');
  return { platform, user: JSON.parse(Buffer.from(encoded!, 'base64').toString('utf8')) };
}
