import pc from 'picocolors';

const WIDTH = 24;

/** A progress bar on one updating line of a terminal; nothing when the output goes to a file or a CI log. */
export function progressBar(stream: NodeJS.WriteStream) {
  if (!stream.isTTY) return { update: () => {}, clear: () => {} };
  const clear = () => stream.write('\r\x1b[2K');
  const update = ({ done, total, label }: { done: number; total: number; label: string }) => {
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    let text = ` ${done}/${total} ${label}`;
    const room = (stream.columns ?? 100) - WIDTH - 1;
    if (text.length > room) text = `${text.slice(0, room - 1)}…`;
    clear();
    stream.write(`${pc.cyan(bar)}${text}`);
  };
  return { update, clear };
}
