import {
  type BrokerClient,
  type BrokerRequest,
  type BrokerResponse,
  BrokerTimeoutError,
  BrokerUnreachableError,
} from '../../core/sm/broker-client';
import type { BrokerRecord } from '../../core/sm/model';
import { fetchSend, type HttpSend } from '../../traffic';
import { basicAuthHeader } from '../http/basic-auth';

type CalledBroker = Pick<BrokerRecord, 'id' | 'name' | 'broker_url' | 'credentials'>;

function brokerUrl(broker: Pick<BrokerRecord, 'broker_url'>, request: BrokerRequest): URL {
  const url = new URL(broker.broker_url.replace(/\/+$/, '') + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  return url;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls brokers over HTTP with their basic credentials; network failures become the core's typed errors.
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
    try {
      const response = await this.sendTo(broker)(brokerUrl(broker, request).href, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        flowId: request.flowId,
      });
      return {
        status: response.status,
        headers: response.headers,
        body: parseJson(response.text),
        rawBody: response.text,
      };
    } catch (error) {
      if (signal.aborted) throw new BrokerTimeoutError(`no answer within ${request.timeoutMs} ms`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new BrokerUnreachableError(cause?.code ?? cause?.message ?? (error as Error).message);
    }
  }
}
