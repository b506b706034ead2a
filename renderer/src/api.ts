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

/**
 * Calls the control API and answers the JSON it returns (undefined for 204); a refusal becomes an ApiError
 * whose message is the server's `description`, a sentence a user can read.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { description?: string } | null;
    throw new ApiError(
      response.status,
      answer?.description ?? `${method} ${path} answered ${response.status}`,
    );
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const getJson = <T>(path: string) => request<T>('GET', path);

/** A list of the control API (`{items}`). */
export const getItems = async <T>(path: string) => (await getJson<{ items: T[] }>(path)).items;

/** Answers null when the route is not there (a part of smsim that is off or not built yet). */
export async function getOptional<T>(path: string): Promise<T | null> {
  try {
    return await getJson<T>(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const getEndpoints = () => getJson<Endpoints>('/api/endpoints');

/** The sample broker's faults, or null when it is off (its control routes are not mounted then). */
export const getSampleBrokerFaults = () => getOptional<Fault[]>('/api/sample-broker/faults');
