import { describe, expect, it } from 'vitest';
import { SseParser } from '../../renderer/src/events/sse-parser';

describe('SseParser', () => {
  it('dispatches named events with their id, and skips comments and the retry field', () => {
    const parser = new SseParser();
    const messages = parser.feed('retry: 1000\n\n: heartbeat\n\nid: 7\nevent: hello\ndata: {"id":7}\n\n');
    expect(messages).toEqual([{ type: 'hello', data: '{"id":7}', lastEventId: '7' }]);
    expect(parser.retryMs).toBe(1000);
  });

  it('joins data lines, defaults the type to message, and takes CRLF and CR line ends', () => {
    const parser = new SseParser();
    expect(parser.feed('data: a\r\ndata:b\rdata\n\n')).toEqual([
      { type: 'message', data: 'a\nb\n', lastEventId: '' },
    ]);
  });

  it('reassembles messages split anywhere across chunks, a CRLF included', () => {
    const parser = new SseParser();
    const text = 'id: 1\r\nevent: x\r\ndata: {"n":1}\r\n\r\nid: 2\r\ndata: two\r\n\r\n';
    const messages = [...text].flatMap((char) => parser.feed(char));
    expect(messages).toEqual([
      { type: 'x', data: '{"n":1}', lastEventId: '1' },
      { type: 'message', data: 'two', lastEventId: '2' },
    ]);
  });

  it('keeps the last event id and retry over a reset, and drops the half-received message', () => {
    const parser = new SseParser();
    parser.feed('retry: 500\nid: 3\ndata: done\n\nid: 4\ndata: half');
    parser.reset();
    expect(parser.feed('data: fresh\n\n')).toEqual([{ type: 'message', data: 'fresh', lastEventId: '4' }]);
    expect(parser.retryMs).toBe(500);
  });
});
