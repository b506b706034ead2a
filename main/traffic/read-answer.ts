import { JsonDepthMeter } from '../core/json-depth';
import type { Limits } from '../core/limits';

/** What smsim reads of an answer from a broker (or a proxy or the SM on the way to one). */
export type AnswerLimits = Pick<Limits, 'maxBrokerAnswerBytes' | 'maxJsonDepth'>;

/** An answer refused for its size or its depth; the message says which limit and the config key that raises it. */
export class AnswerRefusedError extends Error {
  override name = 'AnswerRefusedError';
}

const tooLarge = (limit: number) =>
  new AnswerRefusedError(
    `answered more than ${limit} bytes (after decompression), the limit limits.maxBrokerAnswerBytes; ` +
      'the answer was dropped. Raise limits.maxBrokerAnswerBytes in the config file if such answers are right',
  );

const tooDeep = (limit: number) =>
  new AnswerRefusedError(
    `answered JSON nested deeper than ${limit} levels, the limit limits.maxJsonDepth; the answer was dropped. ` +
      'Raise limits.maxJsonDepth in the config file if such answers are right',
  );

/** Counts an answer's bytes (after decompression) and nesting as it arrives; throws past either limit. */
export class AnswerMeter {
  readonly #depth = new JsonDepthMeter();
  #bytes = 0;

  constructor(private readonly limits: AnswerLimits) {}

  feed(piece: Uint8Array): void {
    this.#bytes += piece.byteLength;
    if (this.#bytes > this.limits.maxBrokerAnswerBytes) throw tooLarge(this.limits.maxBrokerAnswerBytes);
    if (this.#depth.feed(piece) > this.limits.maxJsonDepth) throw tooDeep(this.limits.maxJsonDepth);
  }
}

/**
 * The body of `response` as text, read piece by piece after decompression (fetch inflates gzip and brotli):
 * past `maxBrokerAnswerBytes` or `maxJsonDepth` the transfer is cancelled and `AnswerRefusedError` thrown, so
 * a decompression bomb or an endless answer costs at most the limit in memory.
 */
export async function readAnswer(response: Response, limits: AnswerLimits): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const meter = new AnswerMeter(limits);
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      meter.feed(value);
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}
