type Schedule = (callback: () => void) => void;

const nextFrame: Schedule = (callback) => {
  requestAnimationFrame(callback);
};

/** Collects items and hands them to `flush` together, at most once per animation frame. */
export function createFrameBatcher<T>(flush: (items: T[]) => void, schedule: Schedule = nextFrame) {
  let pending: T[] = [];
  return (item: T) => {
    pending.push(item);
    if (pending.length > 1) return;
    schedule(() => {
      const items = pending;
      pending = [];
      flush(items);
    });
  };
}
