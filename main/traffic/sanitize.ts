import type { Redactor } from './redact';
import type { CapturedMessage, RawMessage } from './types';

const MARKER_START = '{"_truncated":true';
const PREVIEW_CHARS = 1024;

/**
 * The stored form of a body over `maxBytes`: `{"_truncated":true,"size":N,"preview":"…"}`, valid JSON so
 * tools reading a HAR file do not choke. The preview is cut from the redacted body; when only part of the
 * body was seen (it could not be redacted) there is no preview.
 */
export function truncationMarker(size: number, preview?: string): string {
  return JSON.stringify(
    preview === undefined ? { _truncated: true, size } : { _truncated: true, size, preview },
  );
}

/** Redacts, then truncates, one request or response as it enters the store. */
export function sanitizeMessage(raw: RawMessage, redactor: Redactor, maxBytes: number): CapturedMessage {
  const headers = redactor.headers(raw.headers);
  if (!raw.body) return { headers, size: raw.size ?? 0 };
  const size = raw.size ?? Buffer.byteLength(raw.body);
  if (raw.complete === false) return { headers, body: truncationMarker(size), size, truncated: true };
  const body = redactor.body(raw.body);
  if (Buffer.byteLength(body) > maxBytes) {
    const preview = body.slice(0, Math.min(PREVIEW_CHARS, Math.floor(maxBytes / 4)));
    return { headers, body: truncationMarker(size, preview), size, truncated: true };
  }
  return body.startsWith(MARKER_START) ? { headers, body, size, truncated: true } : { headers, body, size };
}
