import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findById } from '../../main/core/record-index';
import { ChangeTracker } from '../../main/store/change-tracker';
import type { CollectionSpec, Json } from '../../main/store/collections';
import { type JournalEntry, JournalReplay } from '../../main/store/journal-entry';

interface Item {
  id: string;
  n: number;
  tags: string[];
}
interface State {
  list: Item[];
  map: Record<string, { v: number; deep: { w: number[] } }>;
  groups: Record<string, { label: string; items: Item[] }>;
  strings: string[];
}

const SPECS: CollectionSpec[] = [
  { path: 'list', kind: 'array' },
  { path: 'map', kind: 'map' },
  { path: 'groups.*.items', kind: 'array' },
];

type Command = (state: State, next: () => string) => void;

const index = (length: number, at: number) => (length === 0 ? -1 : at % length);
const listCommands = (pick: (state: State) => Item[] | undefined): fc.Arbitrary<Command>[] => [
  fc.nat().map((n) => (state, next) => pick(state)?.push({ id: next(), n, tags: [] })),
  fc.nat().map((at) => (state) => {
    const list = pick(state) ?? [];
    const i = index(list.length, at);
    if (i >= 0) list.splice(i, 1);
  }),
  fc.tuple(fc.nat(), fc.integer()).map(([at, n]) => (state) => {
    const list = pick(state) ?? [];
    const i = index(list.length, at);
    if (i >= 0) list[i]!.n = n;
  }),
  fc.tuple(fc.nat(), fc.string()).map(([at, tag]) => (state) => {
    const found = pick(state)?.find((_, position) => position === at % 4);
    found?.tags.push(tag);
  }),
  fc.nat().map((at) => (state, next) => {
    const list = pick(state) ?? [];
    const i = index(list.length, at);
    if (i >= 0) list[i] = { id: next(), n: 0, tags: ['replaced'] };
  }),
  fc.nat().map((at) => (state) => {
    // moved to the end: out, then in again
    const list = pick(state) ?? [];
    const i = index(list.length, at);
    if (i >= 0) list.push(...list.splice(i, 1));
  }),
  fc.nat().map((at) => (state) => {
    const list = pick(state) ?? [];
    const i = index(list.length, at);
    if (i >= 0) list[i] = { ...list[i]!, n: -1 }; // replaced in place by a copy with the same id
  }),
  fc.constant((state: State) => {
    pick(state)?.reverse();
  }),
  fc.constant((state: State) => {
    for (const item of pick(state) ?? []) item.n++;
  }),
  fc.constant((state: State) => {
    pick(state)?.pop();
  }),
];

const commands: fc.Arbitrary<Command>[] = [
  ...listCommands((state) => state.list),
  ...listCommands((state) => state.groups.g1?.items),
  fc.constantFrom('g1', 'g2').map((name) => (state) => {
    state.groups[name] = { label: name, items: [] };
  }),
  fc.constantFrom('g1', 'g2').map((name) => (state) => {
    delete state.groups[name];
  }),
  fc.string().map((label) => (state) => {
    if (state.groups.g1) state.groups.g1.label = label;
  }),
  fc.tuple(fc.constantFrom('a', 'b', '__proto__', 'toString'), fc.integer()).map(([key, v]) => (state) => {
    const entry = Object.hasOwn(state.map, key) ? state.map[key] : undefined;
    if (entry) entry.deep.w.push(v);
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
const replayed = (durable: Json, line: string | null) => {
  const replay = new JournalReplay(copy(durable), SPECS);
  if (line) replay.apply(JSON.parse(line) as JournalEntry);
  return replay.finish();
};

describe('the change tracker', () => {
  it('notes every change made through the view, so replaying its journal line on the state before gives the state after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(...commands), { maxLength: 8 }), { maxLength: 8 }),
        (batches) => {
          const data: State = { list: [], map: {}, groups: {}, strings: [] };
          const tracker = new ChangeTracker(data, SPECS, true);
          let counter = 0;
          const next = () => `id-${counter++}`;
          let durable = copy(data) as unknown as Json;
          for (const batch of batches) {
            for (const command of batch) command(tracker.view, next);
            durable = replayed(durable, tracker.take());
            expect(durable).toEqual(copy(data));
            // Arrays keep their order (toEqual compares arrays in order; check the groups' too).
            expect(JSON.stringify((durable as unknown as State).list)).toBe(JSON.stringify(data.list));
            // The lookup by id the store keeps finds what a search finds, in the view and in the state.
            for (const list of [data.list, data.groups.g1?.items ?? []])
              for (const item of list) expect(findById(list, item.id)).toBe(item);
            for (const item of data.list) expect(findById(tracker.view.list, item.id)).toBe(item);
            expect(findById(data.list, 'never-made')).toBeUndefined();
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes a change to one record of a large collection as that record alone', () => {
    const data = {
      list: Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, n: i })),
      revision: 1,
    };
    const tracker = new ChangeTracker(data, [{ path: 'list', kind: 'array' }]);
    tracker.view.list.push({ id: 'new', n: -1 });
    tracker.view.list.find((item) => item.id === 'i5')!.n = 50;
    tracker.view.revision = 2;
    expect(JSON.parse(tracker.take()!)).toEqual({
      rest: { revision: 2 },
      put: [
        ['list', 'new', { id: 'new', n: -1 }],
        ['list', 'i5', { id: 'i5', n: 50 }],
      ],
    });
    expect(tracker.view.list.some((item) => item.id === 'i9')).toBe(true);
    expect(tracker.take()).toBeNull(); // a read that hands out no record changes nothing
  });

  it('hands out the records themselves, so one found by a search is the one another search finds', () => {
    const data = { list: [{ id: 'a' }, { id: 'b' }] };
    const tracker = new ChangeTracker(data, [{ path: 'list', kind: 'array' }]);
    const b = tracker.view.list.find((item) => item.id === 'b');
    expect(b).toBe(data.list[1]);
    expect(tracker.view.list.filter((item) => item === b)[0]).toBe(b);
    expect(tracker.view.list.indexOf(b!)).toBe(1);
    expect(structuredClone(b)).toEqual({ id: 'b' });
  });

  it('keeps views out of the state: a record built from views holds the objects behind them', () => {
    const data = { groups: { g1: { items: [{ id: 'a' }] } } as Record<string, { items: { id: string }[] }> };
    const tracker = new ChangeTracker(data, [{ path: 'groups.*.items', kind: 'array' }]);
    tracker.view.groups.g2 = { ...tracker.view.groups.g1! };
    expect(data.groups.g2!.items).toBe(data.groups.g1!.items);
    expect(() => structuredClone(data)).not.toThrow();
  });
});
