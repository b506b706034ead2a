import type { BrokerRecord } from './model';

/** One OSB call from the Service Manager to a broker. */
export interface BrokerRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the broker URL, e.g. `/v2/catalog`. */
  path: string;
  query?: Record<string, string>;
  /** Extra headers (version, identity); the client adds the broker's credentials. */
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  /** Groups the exchange with the rest of its user action. */
  flowId?: string;
}

export interface BrokerResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown;
  rawBody: string;
}

export interface BrokerClient {
  call(
    broker: Pick<BrokerRecord, 'id' | 'name' | 'broker_url' | 'credentials'>,
    request: BrokerRequest,
  ): Promise<BrokerResponse>;
}

export class BrokerUnreachableError extends Error {
  override name = 'BrokerUnreachableError';
}

export class BrokerTimeoutError extends Error {
  override name = 'BrokerTimeoutError';
}

/**
 * The broker answered, but not in a way the SM may use. `redirect`: a 3xx (OSB has no redirects); `limit`: past
 * a limit of `limits` (the message names it and its config key). The message reads after "it", e.g.
 * "answered 302 redirect to …; brokers must answer OSB directly".
 */
export class BrokerAnswerRefusedError extends Error {
  override name = 'BrokerAnswerRefusedError';
  constructor(
    readonly reason: 'redirect' | 'limit',
    message: string,
  ) {
    super(message);
  }
}
