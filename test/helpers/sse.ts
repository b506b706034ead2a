/** One event of the control server's `/api/events` stream. */
export interface StreamedEvent {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: events are read field by field
  data: any;
}

/**
 * Reads `/api/events` of `controlUrl`, runs `trigger` once the stream said hello, and resolves with the first
 * event `accept` takes (bounded by `timeoutMs`).
 */
export async function firstEvent(
  controlUrl: string,
  accept: (event: StreamedEvent) => boolean,
  trigger: () => unknown,
  timeoutMs = 5000,
): Promise<StreamedEvent> {
  const response = await fetch(`${controlUrl}/api/events`, { signal: AbortSignal.timeout(timeoutMs) });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let triggered = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended before the awaited event');
      buffer += value;
      if (!triggered && buffer.includes('"type":"hello"')) {
        triggered = true;
        await trigger();
      }
      const event = buffer
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => JSON.parse(line.slice(6)) as StreamedEvent)
        .find(accept);
      if (event) return event;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
