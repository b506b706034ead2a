import { ApiError, badRequest } from '../../errors';
import {
  BrokerAnswerRefusedError,
  type BrokerClient,
  BrokerTimeoutError,
  BrokerUnreachableError,
} from '../broker-client';
import type { BrokerRecord } from '../model';

export const OSB_VERSION = '2.17';

/** Why a catalog fetch got nothing the SM can use, as the refresh history records it. */
export type CatalogFetchFailure = 'unreachable' | 'refused' | 'malformed';

/** The SM's 502 for a catalog fetch, with what went wrong for the refresh history. */
export class CatalogFetchError extends ApiError {
  constructor(
    readonly failure: CatalogFetchFailure,
    description: string,
  ) {
    super(502, 'ServiceBrokerErr', description);
  }
}

/** Why a body is not JSON, in the words of the parser, e.g. "an 81-byte body: Unexpected end of JSON input". */
function whyNotJson(rawBody: string): string {
  if (rawBody.trim() === '') return 'an empty body';
  try {
    JSON.parse(rawBody);
    return `a ${rawBody.length}-byte body`;
  } catch (error) {
    return `a ${rawBody.length}-byte body: ${(error as Error).message}`;
  }
}

function describeBody(body: unknown): string {
  const description = (body as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? `: ${description}` : '';
}

/**
 * GET /v2/catalog of one broker; failures become the SM's 502 / 504 errors, a catalog past a limit (size,
 * depth) is an invalid catalog (400).
 */
export async function fetchCatalog(
  client: BrokerClient,
  broker: Pick<BrokerRecord, 'id' | 'name' | 'broker_url' | 'credentials'>,
  timeoutMs: number,
): Promise<unknown> {
  try {
    const response = await client.call(broker, {
      method: 'GET',
      path: '/v2/catalog',
      headers: { 'X-Broker-API-Version': OSB_VERSION },
      timeoutMs,
    });
    if (response.status !== 200) {
      throw new CatalogFetchError(
        'refused',
        `Broker "${broker.name}" answered ${response.status} to GET /v2/catalog${describeBody(response.body)}. Check its URL and credentials.`,
      );
    }
    if (response.body === undefined) {
      throw new CatalogFetchError(
        'malformed',
        `Broker "${broker.name}" answered GET /v2/catalog with a malformed catalog, not JSON (${whyNotJson(response.rawBody)}); the cached catalog was kept.`,
      );
    }
    return response.body;
  } catch (error) {
    if (error instanceof BrokerTimeoutError) {
      throw new ApiError(
        504,
        'ServiceBrokerTimeout',
        `Broker "${broker.name}" did not answer GET /v2/catalog within ${timeoutMs} ms.`,
      );
    }
    if (error instanceof BrokerUnreachableError) {
      throw new CatalogFetchError(
        'unreachable',
        `Broker "${broker.name}" is unreachable at ${broker.broker_url} (${error.message}). Is it running?`,
      );
    }
    if (error instanceof BrokerAnswerRefusedError) {
      const refused = `The catalog of broker "${broker.name}" was refused: it ${error.message}.`;
      throw error.reason === 'limit' ? badRequest(refused) : new CatalogFetchError('refused', refused);
    }
    throw error;
  }
}
