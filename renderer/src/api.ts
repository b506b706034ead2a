/** The parts of `GET /api/endpoints` the UI shows (the control server's `Endpoints`). */
export interface Endpoints {
  control: { url: string };
  serviceManager: { url: string; admin: { username: string } } | null;
  platforms: Array<{
    name: string;
    type: string;
    id: string;
    url: string;
    proxyCredentials: { username: string };
  }>;
  sampleBroker: { url: string; credentials: { username: string } } | null;
}

/** One event of `GET /api/events` (the simulator's `SimEvent`). */
export interface SimEvent {
  id: number;
  type: string;
  at: string;
  data: unknown;
}

/** A fault of the sample broker (`GET /api/sample-broker/faults`); the fields besides `kind` depend on it. */
export interface Fault {
  id: string;
  kind: string;
  createdAt: string;
  planId?: string;
  operations?: string[];
  times?: number;
  /** Left of `times`. */
  remaining?: number;
  description?: string;
  latencyMs?: number;
  status?: number;
  error?: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { description?: string } | null;
    throw new ApiError(response.status, body?.description ?? `${path} answered ${response.status}`);
  }
  return (await response.json()) as T;
}

export const getEndpoints = () => getJson<Endpoints>('/api/endpoints');

/** The sample broker's faults, or null when it is off (its control routes are not mounted then). */
export async function getSampleBrokerFaults(): Promise<Fault[] | null> {
  try {
    return await getJson<Fault[]>('/api/sample-broker/faults');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
