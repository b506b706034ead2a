/** `X-Broker-API-Originating-Identity` decoded: `<platform> <base64 of a JSON object>` (OSB spec). */
export type OriginatingIdentity =
  | { platform: string; value: unknown }
  | { platform: string; problem: string };

function decodeBase64(text: string): string {
  const bytes = Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The header's platform and decoded JSON, or what is wrong with it; undefined when there is no header. */
export function decodeOriginatingIdentity(header: string | undefined): OriginatingIdentity | undefined {
  if (header === undefined) return undefined;
  const [platform = '', encoded, ...rest] = header.trim().split(/\s+/);
  if (!encoded || rest.length > 0)
    return { platform, problem: 'It is not "<platform> <base64 JSON>", as the OSB spec asks.' };
  try {
    return { platform, value: JSON.parse(decodeBase64(encoded)) };
  } catch {
    return { platform, problem: 'Its value is not base64 of a JSON text, as the OSB spec asks.' };
  }
}
