/** The OSB version every hop of the chain speaks: 2.17, or a later 2.x (a minor version only adds fields). */
export const OSB_API_VERSION = '2.17';
const SUPPORTED = { major: 2, minor: 17 };

/**
 * Why a call's `X-Broker-API-Version` is refused (the spec's 412 PreconditionFailed), or undefined when it
 * is supported. `speaker` names who refuses, e.g. "this broker".
 */
export function apiVersionRefusal(header: string | undefined, speaker: string): string | undefined {
  if (!header) return `Send the header X-Broker-API-Version: ${OSB_API_VERSION}.`;
  const match = /^(\d+)\.(\d+)/.exec(header.trim());
  if (match && Number(match[1]) === SUPPORTED.major && Number(match[2]) >= SUPPORTED.minor) return undefined;
  return `X-Broker-API-Version ${header} is not supported; ${speaker} speaks OSB ${OSB_API_VERSION} (any 2.x from ${OSB_API_VERSION} is accepted).`;
}
