import { isObject } from '../../is-object';
import type { OsbMethod } from '../../osb/endpoint-types';
import {
  BrokerAnswerRefusedError,
  type BrokerClient,
  type BrokerResponse,
  BrokerTimeoutError,
  BrokerUnreachableError,
} from '../broker-client';
import type { BrokerRecord } from '../model';
import type { OsbRequest } from '../plugins/types';
import { errorAnswer } from './answers';
import type { OsbAnswer } from './types';

/** The broker's answer as the platform gets it, or why there is none. */
export type BrokerOutcome =
  | { kind: 'response'; response: BrokerResponse; answer: OsbAnswer }
  | { kind: 'unreachable' | 'timeout' | 'refused'; answer: OsbAnswer };

/** Broker errors keep their status and fields; the description says which broker spoke. */
function errorBody(broker: BrokerRecord, response: BrokerResponse): Record<string, unknown> {
  const body = isObject(response.body) ? response.body : {};
  const said = typeof body.description === 'string' ? body.description : undefined;
  const snippet = response.rawBody.slice(0, 200);
  const description =
    said ??
    `answered ${response.status} ${snippet && !isObject(response.body) ? `with "${snippet}"` : 'without a description'}`;
  return { ...body, description: `Broker "${broker.name}": ${description}` };
}

/** The answer the platform gets; a body that is not JSON is passed on raw, as the broker sent it. */
export function answerOf(broker: BrokerRecord, response: BrokerResponse): OsbAnswer {
  const { status, headers: received } = response;
  const headers: Record<string, string> = received['retry-after']
    ? { 'Retry-After': received['retry-after'] }
    : {};
  if (status >= 400 && status !== 410) return { status, headers, body: errorBody(broker, response) };
  if (response.body !== undefined) return { status, headers, body: response.body };
  if (received['content-type']) headers['Content-Type'] = received['content-type'];
  return { status, headers, body: undefined, raw: response.rawBody };
}

/** Sends one OSB call to a broker as the SM: the broker's credentials, the platform's OSB headers, the flow id. */
export class BrokerGateway {
  constructor(
    private readonly client: BrokerClient,
    private readonly timeoutMs: number,
  ) {}

  async send(
    broker: BrokerRecord,
    method: OsbMethod,
    path: string,
    request: OsbRequest,
    flowId: string,
  ): Promise<BrokerOutcome> {
    const headers: Record<string, string> = { 'X-Broker-API-Request-Identity': flowId };
    if (request.headers.version) headers['X-Broker-API-Version'] = request.headers.version;
    if (request.headers.originatingIdentity) {
      headers['X-Broker-API-Originating-Identity'] = request.headers.originatingIdentity;
    }
    try {
      const response = await this.client.call(broker, {
        method,
        path: `/v2${path}`,
        query: request.query,
        headers,
        body: method === 'PUT' || method === 'PATCH' ? request.body : undefined,
        timeoutMs: this.timeoutMs,
        flowId,
      });
      return { kind: 'response', response, answer: answerOf(broker, response) };
    } catch (error) {
      return failure(broker, method, path, error);
    }
  }
}

function failure(broker: BrokerRecord, method: OsbMethod, path: string, error: unknown): BrokerOutcome {
  const call = `${method} /v2${path}`;
  if (error instanceof BrokerTimeoutError) {
    return {
      kind: 'timeout',
      answer: errorAnswer(
        504,
        'ServiceBrokerTimeout',
        `Broker "${broker.name}" did not answer ${call} in time (${error.message}).`,
      ),
    };
  }
  if (error instanceof BrokerUnreachableError) {
    return {
      kind: 'unreachable',
      answer: errorAnswer(
        502,
        'ServiceBrokerErr',
        `Broker "${broker.name}" is unreachable at ${broker.broker_url} (${error.message}) and gave no answer to ${call}. Is it running?`,
      ),
    };
  }
  if (error instanceof BrokerAnswerRefusedError) {
    return {
      kind: 'refused',
      answer: errorAnswer(
        502,
        'ServiceBrokerErr',
        `The answer of broker "${broker.name}" to ${call} was refused: it ${error.message}.`,
      ),
    };
  }
  throw error;
}
