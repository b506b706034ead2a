import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { FlowSummary } from '../../../main/traffic/types';
import { FlowRow } from './FlowRow';

const ROW_HEIGHT = 30;

interface FlowListProps {
  flows: FlowSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
  onEnd: () => void;
}

/**
 * The flows, virtualised (only the rows in sight are in the DOM). Arrows move the selection, which opens
 * the flow; a live update keeps the rows in sight where they are instead of pushing them down.
 */
export function FlowList({ flows, selected, onSelect, onEnd }: FlowListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: flows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => flows[index]!.id,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (flows.length > 0 && lastIndex >= flows.length - 20) onEnd();
  }, [lastIndex, flows.length, onEnd]);

  // Rows added above the first visible row move the scroll position with them (no jump).
  const firstShown = useRef<{ id: string; index: number } | null>(null);
  useEffect(() => {
    const element = scroller.current;
    const anchor = firstShown.current;
    if (element && anchor && element.scrollTop > 0) {
      const index = flows.findIndex((flow) => flow.id === anchor.id);
      if (index > anchor.index) element.scrollTop += (index - anchor.index) * ROW_HEIGHT;
    }
    const first = Math.floor((element?.scrollTop ?? 0) / ROW_HEIGHT);
    firstShown.current = flows[first] ? { id: flows[first].id, index: first } : null;
  }, [flows]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = flows.findIndex((flow) => flow.id === selected);
    const next = Math.min(flows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
    const flow = flows[next];
    if (!flow) return;
    onSelect(flow.id);
    virtualizer.scrollToIndex(next);
  };

  return (
    <div
      className="flow-list"
      ref={scroller}
      role="listbox"
      aria-label="Flows"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="flow-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const flow = flows[item.index]!;
          return (
            <FlowRow
              key={item.key}
              flow={flow}
              top={item.start}
              selected={flow.id === selected}
              onOpen={() => onSelect(flow.id)}
            />
          );
        })}
      </div>
    </div>
  );
}
