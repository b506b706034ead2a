import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonDepthMeter, jsonDepth } from '../../main/core/json-depth';
import { AnswerRefusedError, readAnswer } from '../../main/traffic';

const limits = { maxBrokerAnswerBytes: 64 * 1024, maxJsonDepth: 64 };

/** A body of `chunks` pieces, each pulled only when read (an endless answer when `chunks` is Infinity). */
function streamed(piece: Uint8Array, chunks: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(piece);
    },
  });
  return { response: new Response(stream), pulled: () => sent };
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepth', () => {
  it('counts brackets outside strings, escapes included', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonDepth('["\\"[[[", "\\\\", []]')).toBe(2);
    expect(jsonDepth('{"ключ":["ü€𝄞",[]]}')).toBe(3);
  });

  it('is the nesting of any JSON value, also fed in pieces', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 1, max: 7 }), (value, size) => {
        const bytes = new TextEncoder().encode(JSON.stringify(value));
        const meter = new JsonDepthMeter();
        for (let at = 0; at < bytes.length; at += size) meter.feed(bytes.subarray(at, at + size));
        expect(meter.deepest).toBe(depthOf(value));
      }),
      { numRuns: 500 },
    );
  });

  it('measures 100,000 levels without recursion', () => {
    expect(jsonDepth(nested(100_000))).toBe(100_000);
  });
});

describe('readAnswer', () => {
  it('reads an answer within the limits whole', async () => {
    const text = JSON.stringify({ services: [{ id: 'a', plans: [{ id: 'ü' }] }] });
    expect(await readAnswer(new Response(text), limits)).toBe(text);
    expect(await readAnswer(new Response(null), limits)).toBe('');
  });

  it('stops reading an endless answer at the size limit and names the key', async () => {
    const { response, pulled } = streamed(new Uint8Array(4096).fill(0x20), Number.POSITIVE_INFINITY);
    const refusal = await readAnswer(response, limits).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AnswerRefusedError);
    expect((refusal as Error).message).toMatch(/more than 65536 bytes .*limits\.maxBrokerAnswerBytes/);
    expect(pulled()).toBeLessThan(20);
  });

  it('stops reading at the depth limit before the answer ends', async () => {
    const { response, pulled } = streamed(new TextEncoder().encode('['.repeat(16)), 10_000);
    const refusal = await readAnswer(response, limits).catch((error: unknown) => error);
    expect((refusal as Error).message).toMatch(/deeper than 64 levels.*limits\.maxJsonDepth/);
    expect(pulled()).toBeLessThan(10);
  });

  it('takes an answer exactly at the depth limit', async () => {
    expect(await readAnswer(new Response(nested(64)), limits)).toBe(nested(64));
    await expect(readAnswer(new Response(nested(65)), limits)).rejects.toThrow(AnswerRefusedError);
  });
});
