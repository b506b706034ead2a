import type { ReactNode } from 'react';
import type { LandscapeNode } from '../views/landscape-nodes';
import { NodeCard } from './NodeCard';

interface LandscapeColumnProps {
  title: string;
  nodes: LandscapeNode[];
  /** Shown when the column has no node (nothing running, or nothing matches the filter). */
  empty: string;
  /** What a node's card shows below its address (its calls). */
  detail?: (node: LandscapeNode) => ReactNode;
}

export function LandscapeColumn({ title, nodes, empty, detail }: LandscapeColumnProps) {
  return (
    <section className="landscape-column" aria-label={title}>
      <h2 className="column-title">{title}</h2>
      {nodes.length > 0 ? (
        nodes.map((node) => (
          <NodeCard key={node.id} node={node}>
            {detail?.(node)}
          </NodeCard>
        ))
      ) : (
        <p className="column-empty">{empty}</p>
      )}
    </section>
  );
}
