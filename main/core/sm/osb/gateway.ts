import type { OsbMethod } from '../../../../shared/osb-operations';
import { isObject } from '../../is-object';
import { ANSWERED_BY_BROKER, ANSWERED_BY_HEADER } from '../../osb/answered-by';
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

/** What the broker said in an error answer, for the SM's own records (operations) that name it. */
export function brokerSaid(broker: Pick<BrokerRecord, 'name'>, response: BrokerResponse): string {
  const body = isObject(response.body) ? response.body : {};
  const snippet = response.rawBody.slice(0, 200);
  const said =
    typeof body.description === 'string'
      ? body.description
      : `answered ${response.status} ${snippet && !isObject(response.body) ? `with "${snippet}"` : 'without a description'}`;
  return `Broker "${broker.name}": ${said}`;
}

/**
 * The answer the platform gets: the broker's status and body as it sent them (a body that is not JSON
 * raw), its `Retry-After`, and the mark that the broker spoke.
 */
export function answerOf(response: BrokerResponse): OsbAnswer {
  const { status, headers: received } = response;
  const headers: Record<string, string> = { [ANSWERED_BY_HEADER]: ANSWERED_BY_BROKER };
  if (received['retry-after']) headers['Retry-After'] = received['retry-after'];
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
      return { kind: 'response', response, answer: answerOf(response) };
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
