class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A control API path whose every interpolated value is URL-encoded as one path segment:
 * apiPath`/api/platforms/${name}/service_instances` stays one route whatever the platform's name holds.
 */
export function apiPath(parts: TemplateStringsArray, ...segments: Array<string | number>): string {
  return parts.reduce((path, part, index) => {
    const segment = segments[index - 1];
    return `${path}${encodeURIComponent(String(segment))}${part}`;
  });
}

/** The control API did not answer at all (the server is down, the network refused): status 0. */
const unreachableMessage = () =>
  `Cannot reach smsim at ${window.location.origin} — is \`smsim serve\` running?`;

/** fetch rejects (a TypeError whose message is the browser's, e.g. "Failed to fetch") only when no answer came. */
async function send(method: string, path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, unreachableMessage());
  }
}

/**
 * Calls the control API and answers the JSON it returns (undefined for 204); a refusal becomes an ApiError
 * whose message is the server's `description`, a sentence a user can read.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
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

/** Answers null when the route is not there (a part of smsim that is switched off). */
export async function getOptional<T>(path: string): Promise<T | null> {
  try {
    return await getJson<T>(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
