import { parseJson } from '../../core/parse-json';
import {
  BrokerAnswerRefusedError,
  type BrokerClient,
  type BrokerRequest,
  type BrokerResponse,
  BrokerTimeoutError,
  BrokerUnreachableError,
} from '../../core/sm/broker-client';
import type { BrokerRecord } from '../../core/sm/model';
import { AnswerRefusedError, fetchSend, type HttpSend } from '../../traffic';
import { basicAuthHeader } from '../http/basic-auth';

type CalledBroker = Pick<BrokerRecord, 'id' | 'name' | 'broker_url' | 'credentials'>;

function brokerUrl(broker: Pick<BrokerRecord, 'broker_url'>, request: BrokerRequest): URL {
  const url = new URL(broker.broker_url.replace(/\/+$/, '') + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  return url;
}

/** Where a redirect points, without user info (it may carry a password). */
function redirectTarget(location: string | undefined, base: URL): string {
  if (!location) return ' (a redirect status, without Location)';
  try {
    const target = new URL(location, base);
    target.username = '';
    target.password = '';
    return ` redirect to ${target.href}`;
  } catch {
    return ` redirect to "${location.slice(0, 200)}"`;
  }
}

/**
 * Calls brokers over HTTP with their basic credentials; network failures become the core's typed errors, and so
 * do a 3xx (OSB has no redirects) and an answer past the transport's limits.
 * `sendTo` gives the transport for one broker (the simulator's records each call as a `sm→broker` hop).
 */
export class HttpBrokerClient implements BrokerClient {
  constructor(private readonly sendTo: (broker: CalledBroker) => HttpSend = () => fetchSend) {}

  async call(broker: CalledBroker, request: BrokerRequest): Promise<BrokerResponse> {
    const headers: Record<string, string> = {
      ...request.headers,
      Authorization: basicAuthHeader(broker.credentials.basic),
      Accept: 'application/json',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const signal = AbortSignal.timeout(request.timeoutMs);
    const url = brokerUrl(broker, request);
    let response: Awaited<ReturnType<HttpSend>>;
    try {
      response = await this.sendTo(broker)(url.href, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        flowId: request.flowId,
      });
    } catch (error) {
      if (signal.aborted) throw new BrokerTimeoutError(`no answer within ${request.timeoutMs} ms`);
      if (error instanceof AnswerRefusedError) throw new BrokerAnswerRefusedError('limit', error.message);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new BrokerUnreachableError(cause?.code ?? cause?.message ?? (error as Error).message);
    }
    if (response.status >= 300 && response.status < 400) {
      throw new BrokerAnswerRefusedError(
        'redirect',
        `answered ${response.status}${redirectTarget(response.headers.location, url)}; ` +
          'brokers must answer OSB directly. Register the URL the broker really answers at',
      );
    }
    return {
      status: response.status,
      headers: response.headers,
      body: parseJson(response.text),
      rawBody: response.text,
    };
  }
}
