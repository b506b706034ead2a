import { isObject } from '../is-object';
import { ANSWERED_BY_BROKER, ANSWERED_BY_HEADER } from '../osb/answered-by';
import type { Answer, CallResult } from './notes';

/**
 * Who spoke in an answer that came back through proxy → SM → broker. The SM passes the broker's answers back
 * unchanged and marks them (ANSWERED_BY_HEADER); the proxy's own answers start with `The broker proxy of `;
 * successes and 410 are the broker's.
 */
export type Origin =
  | { hop: 'broker'; said: string }
  | { hop: 'sm'; said: string }
  | { hop: 'proxy'; said: string };

export const PROXY_PREFIX = 'The broker proxy of ';

const descriptionOf = (body: unknown): string | undefined =>
  isObject(body) && typeof body.description === 'string' ? body.description : undefined;

export function originOf(answer: Answer): Origin {
  const description = descriptionOf(answer.body);
  if (answer.status < 400 || answer.status === 410) return { hop: 'broker', said: description ?? '' };
  if (answer.headers[ANSWERED_BY_HEADER.toLowerCase()] === ANSWERED_BY_BROKER)
    return { hop: 'broker', said: description ?? '' };
  if (description?.startsWith(PROXY_PREFIX)) return { hop: 'proxy', said: description };
  return { hop: 'sm', said: description ?? (answer.text.slice(0, 200) || 'no description') };
}

/** What the platform API answers when a call failed: the status of the chain and which hop refused, why. */
export interface Refusal {
  status: number;
  error: string;
  description: string;
}

const fallbackCodes = {
  broker: 'BrokerError',
  sm: 'ServiceManagerError',
  proxy: 'BrokerProxyError',
} as const;

/** `brokerName`: the SM's name of the broker the call went to. */
export function refusalOf(result: CallResult, platformName: string, brokerName: string): Refusal {
  if (result.kind !== 'answer') {
    const timeout = result.kind === 'timeout';
    return {
      status: timeout ? 504 : 502,
      error: timeout ? 'BrokerProxyTimeout' : 'BrokerProxyUnreachable',
      description: `${PROXY_PREFIX}${platformName} ${timeout ? 'did not answer in time' : 'is unreachable'} (${result.message}).`,
    };
  }
  const origin = originOf(result);
  const code = isObject(result.body) && typeof result.body.error === 'string' ? result.body.error : undefined;
  const error = code ?? fallbackCodes[origin.hop];
  // A success the platform cannot use (a malformed body, an odd 2xx) is a bad gateway for its caller.
  const status = result.status < 300 ? 502 : result.status;
  switch (origin.hop) {
    case 'proxy':
      return { status, error, description: origin.said };
    case 'sm':
      return {
        status,
        error,
        description: `The Service Manager ${status < 500 ? 'refused' : `answered ${status}`}: ${origin.said}`,
      };
    case 'broker': {
      const why = origin.said
        ? `: ${origin.said}`
        : isObject(result.body)
          ? ''
          : ' with a body that is not JSON';
      return {
        status,
        error,
        description: `Broker "${brokerName}" answered ${result.status}${why}`,
      };
    }
  }
}

/** The platform's own refusal (validation, its own rules): nothing was sent. */
export function platformRefusal(platformName: string, status: number, error: string, why: string): Refusal {
  return { status, error, description: `Platform ${platformName} refused: ${why}` };
}
