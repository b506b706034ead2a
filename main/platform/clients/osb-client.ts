import { randomUUID } from 'node:crypto';
import { failureCode } from '../../core/failure-code';
import { parseJson } from '../../core/parse-json';
import type { CallResult } from '../../core/platform/notes';
import type { OsbRequest } from '../../core/platform/requests';
import type { HttpSend } from '../../traffic';
import { type BasicCredentials, basicAuthHeader } from '../../traffic/basic-auth';

export const OSB_VERSION = '2.17';

export interface CallOutcome {
  result: CallResult;
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
 * Kubernetes service catalog call the broker they registered), one flow per call: the request identity is
 * a new GUID, which the proxy and the SM carry on.
 */
export class PlatformOsbClient {
  constructor(private readonly options: PlatformOsbClientOptions) {}

  async call(smBrokerId: string, request: OsbRequest): Promise<CallOutcome> {
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
      });
      return {
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
        result: {
          kind: signal.aborted ? 'timeout' : 'unreachable',
          message: signal.aborted ? `no answer within ${timeoutMs} ms` : message,
        },
      };
    }
  }
}
