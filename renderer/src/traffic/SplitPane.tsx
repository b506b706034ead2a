import './split-pane.css';
import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { clampSplit, keyedSplit, readSplit, type SplitBounds, saveSplit } from './split-size';

interface SplitPaneProps extends SplitBounds {
  className: string;
  /** Names the handle for assistive technology, e.g. "Resize the flow list". */
  label: string;
  /** Where the share is remembered (localStorage), so a reload keeps it. */
  storageKey: string;
  /** The first pane's share (percent) before the user moves the handle. */
  defaultPercent: number;
  first: ReactNode;
  second: ReactNode;
}

/**
 * Two panes side by side with a handle between them: drag it, or focus it and use the arrow keys (the
 * ARIA window-splitter pattern). The share is kept per `storageKey` and held within the panes' minimums.
 */
export function SplitPane({
  className,
  label,
  storageKey,
  defaultPercent,
  first,
  second,
  ...bounds
}: SplitPaneProps) {
  const container = useRef<HTMLDivElement>(null);
  const [percent, setPercent] = useState(() => readSplit(storageKey, defaultPercent));
  const [dragging, setDragging] = useState(false);
  const widthPx = () => container.current?.getBoundingClientRect().width ?? 0;
  const place = (next: number, save = true) => {
    const clamped = clampSplit(next, widthPx(), bounds);
    setPercent(clamped);
    if (save) saveSplit(storageKey, clamped);
  };

  // The stored share may not fit this window: bring it within bounds once the width is known.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on mount; later moves clamp themselves.
  useLayoutEffect(() => place(percent, false), []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging || !container.current) return;
    const box = container.current.getBoundingClientRect();
    place(((event.clientX - box.left) / box.width) * 100, false);
  };
  const onPointerUp = () => {
    if (!dragging) return;
    setDragging(false);
    saveSplit(storageKey, percent);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = keyedSplit(event.key, event.shiftKey, percent);
    if (next === undefined) return;
    event.preventDefault();
    place(next);
  };

  return (
    <div
      ref={container}
      className={`split-pane ${className}`}
      // The minimums hold in CSS too, so a window made narrower later does not cut the panes.
      style={{
        gridTemplateColumns: `minmax(${bounds.minFirstPx}px, ${percent}%) 12px minmax(${bounds.minSecondPx}px, 1fr)`,
      }}
      data-dragging={dragging || undefined}
    >
      {first}
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable window splitter has no HTML element; <hr> takes no focus or value. */}
      <div
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        data-testid="split-handle"
      />
      {second}
    </div>
  );
}
