import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeTracker } from '../../main/store/change-tracker';
import { type JournalOp, JournalReplay } from '../../main/store/journal-ops';

interface Item {
  id: string;
  n: number;
  tags: string[];
}
interface State {
  list: Item[];
  map: Record<string, { v: number; deep: { w: number[] } }>;
  strings: string[];
}

type Command = (state: State, next: () => string) => void;

const index = (length: number, at: number) => (length === 0 ? -1 : at % length);
const commands: fc.Arbitrary<Command>[] = [
  fc.nat().map((n) => (state, next) => state.list.push({ id: next(), n, tags: [] })),
  fc.nat().map((at) => (state) => {
    const i = index(state.list.length, at);
    if (i >= 0) state.list.splice(i, 1);
  }),
  fc.tuple(fc.nat(), fc.integer()).map(([at, n]) => (state) => {
    const i = index(state.list.length, at);
    if (i >= 0) state.list[i]!.n = n;
  }),
  fc.tuple(fc.nat(), fc.string()).map(([at, tag]) => (state) => {
    const i = index(state.list.length, at);
    if (i >= 0) state.list[i]!.tags.push(tag);
  }),
  fc.nat().map((at) => (state, next) => {
    const i = index(state.list.length, at);
    if (i >= 0) state.list[i] = { id: next(), n: 0, tags: ['replaced'] };
  }),
  fc.constant((state: State) => {
    state.list.reverse();
  }),
  fc.tuple(fc.constantFrom('a', 'b', '__proto__', 'toString'), fc.integer()).map(([key, v]) => (state) => {
    const entry = state.map[key];
    if (entry && Object.hasOwn(state.map, key)) entry.deep.w.push(v);
    else
      Object.defineProperty(state.map, key, {
        value: { v, deep: { w: [] } },
        enumerable: true,
        configurable: true,
        writable: true,
      });
  }),
  fc.constantFrom('a', 'b', '__proto__').map((key) => (state) => {
    delete state.map[key];
  }),
  fc.string().map((text) => (state) => {
    state.strings.push(text);
    if (state.strings.length > 3) state.strings.shift();
  }),
];

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('the change tracker', () => {
  it('notes every change so that replaying its operations on the state before gives the state after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(...commands), { maxLength: 8 }), { maxLength: 8 }),
        (batches) => {
          const data: State = { list: [], map: {}, strings: [] };
          const tracker = new ChangeTracker(data);
          let counter = 0;
          const next = () => `id-${counter++}`;
          let durable = copy(data);
          for (const batch of batches) {
            for (const command of batch) command(tracker.view, next);
            const ops = JSON.parse(JSON.stringify(tracker.take())) as JournalOp[];
            const replay = new JournalReplay(durable as unknown as Record<string, unknown>);
            replay.apply(ops);
            replay.finish();
            expect(durable).toEqual(copy(data));
            durable = copy(durable);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('journals a push onto a large array of records as the record pushed', () => {
    const data = { list: Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, n: i })) };
    const tracker = new ChangeTracker(data);
    tracker.view.list.push({ id: 'new', n: -1 });
    tracker.view.list.find((item) => item.id === 'i5')!.n = 50;
    expect(tracker.take()).toEqual([
      { u: ['list'], v: { id: 'new', n: -1 } },
      { u: ['list'], v: { id: 'i5', n: 50 } },
    ]);
  });

  it('hands a search callback the records the view hands out, so they compare equal to ones found elsewhere', () => {
    const tracker = new ChangeTracker({ list: [{ id: 'a' }, { id: 'b' }] });
    const { list } = tracker.view;
    const b = list.find((item) => item.id === 'b');
    expect(list.filter((item) => item === b)).toEqual([b]);
    expect(list.filter((item) => item === b)[0]).toBe(b);
    expect(list.some((item) => item === b)).toBe(true);
  });
});
