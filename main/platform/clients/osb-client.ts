import { randomUUID } from 'node:crypto';
import { failureCode } from '../../core/failure-code';
import { parseJson } from '../../core/parse-json';
import type { CallResult } from '../../core/platform/notes';
import type { OsbRequest } from '../../core/platform/requests';
import type { HttpSend, SendInit } from '../../traffic';
import { type BasicCredentials, basicAuthHeader } from '../../traffic/basic-auth';

export const OSB_VERSION = '2.17';

/** The operation a call is a later step of: the flow that began it, and this call's part (`poll 1`…). */
export type OperationStep = NonNullable<SendInit['partOf']>;

export interface CallOutcome {
  result: CallResult;
  /** The flow the call was captured in (its request identity): later calls of its operation join it. */
  flowId: string;
  /** The captured exchange of this call (to attach spec notes to). */
  exchangeId?: string;
}

export interface PlatformOsbClientOptions {
  /** Sends and records the hop platform→proxy. */
  send: HttpSend;
  /** The platform's own server, e.g. `http://127.0.0.1:4812`. */
  proxyUrl: () => string;
  credentials: () => BasicCredentials;
  /** `X-Broker-API-Originating-Identity` of user-initiated calls. */
  originatingIdentity: string;
  timeoutMs: number;
}

/**
 * The platform's OSB client: it calls its own broker proxy (as Cloud Foundry's cloud controller or the
 * Kubernetes service catalog call the broker they registered): the request identity is a new GUID per call,
 * which the proxy and the SM carry on; a later step of an operation (`partOf`) is captured in the flow of
 * the call that began it.
 */
export class PlatformOsbClient {
  constructor(private readonly options: PlatformOsbClientOptions) {}

  async call(smBrokerId: string, request: OsbRequest, partOf?: OperationStep): Promise<CallOutcome> {
    const { send, proxyUrl, credentials, originatingIdentity, timeoutMs } = this.options;
    const query = new URLSearchParams(request.query).toString();
    const url = `${proxyUrl()}/osb/${encodeURIComponent(smBrokerId)}/v2${request.path}${query ? `?${query}` : ''}`;
    const flowId = randomUUID();
    const headers: Record<string, string> = {
      Authorization: basicAuthHeader(credentials()),
      Accept: 'application/json',
      'X-Broker-API-Version': OSB_VERSION,
      'X-Broker-API-Request-Identity': flowId,
    };
    if (request.userInitiated) headers['X-Broker-API-Originating-Identity'] = originatingIdentity;
    if (request.body) headers['Content-Type'] = 'application/json';
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const answer = await send(url, {
        method: request.method,
        headers,
        body: request.body ? JSON.stringify(request.body) : undefined,
        signal,
        flowId,
        partOf,
      });
      return {
        flowId,
        result: {
          kind: 'answer',
          status: answer.status,
          headers: answer.headers,
          text: answer.text,
          body: parseJson(answer.text),
        },
        ...(answer.exchangeId ? { exchangeId: answer.exchangeId } : {}),
      };
    } catch (error) {
      const message = failureCode(error);
      return {
        flowId,
        result: {
          kind: signal.aborted ? 'timeout' : 'unreachable',
          message: signal.aborted ? `no answer within ${timeoutMs} ms` : message,
        },
      };
    }
  }
}
