import { useLayoutEffect, useRef, useState } from 'react';

export interface Connector {
  /** `data-anchor` values of the two elements the line joins (left edge of `to`, right edge of `from`). */
  from: string;
  to: string;
  className: string;
  testId: string;
}

interface Line extends Connector {
  d: string;
}

function measure(container: HTMLElement, connectors: Connector[]): Line[] {
  const box = container.getBoundingClientRect();
  const anchor = (name: string) =>
    container.querySelector(`[data-anchor="${CSS.escape(name)}"]`)?.getBoundingClientRect();
  return connectors.flatMap((connector) => {
    const a = anchor(connector.from);
    const b = anchor(connector.to);
    if (!a || !b) return [];
    const [left, right] = a.left <= b.left ? [a, b] : [b, a];
    const x1 = left.right - box.left;
    const y1 = left.top + left.height / 2 - box.top;
    const x2 = right.left - box.left;
    const y2 = right.top + right.height / 2 - box.top;
    const bend = Math.max(24, (x2 - x1) / 2);
    return [{ ...connector, d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` }];
  });
}

/**
 * Curves between elements of the parent element (marked with `data-anchor`), drawn in an SVG laid over
 * it; they follow the elements when the parent resizes. The parent must be `position: relative`.
 */
export function ConnectorLines({ connectors }: { connectors: Connector[] }) {
  const svg = useRef<SVGSVGElement>(null);
  const [lines, setLines] = useState<Line[]>([]);
  useLayoutEffect(() => {
    const element = svg.current?.parentElement;
    if (!element) return;
    const update = () => setLines(measure(element, connectors));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [connectors]);
  return (
    <svg className="connectors" aria-hidden="true" ref={svg}>
      {lines.map((line) => (
        <path key={line.testId} d={line.d} className={line.className} data-testid={line.testId} />
      ))}
    </svg>
  );
}
