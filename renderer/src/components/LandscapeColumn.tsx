import type { LandscapeNode } from '../views/landscape-nodes';
import { NodeCard } from './NodeCard';

interface LandscapeColumnProps {
  title: string;
  nodes: LandscapeNode[];
  /** Shown when the column has no node (nothing running, or nothing matches the filter). */
  empty: string;
  /** Calls per node id; a node without an entry shows no count. */
  calls?: Record<string, number>;
}

export function LandscapeColumn({ title, nodes, empty, calls }: LandscapeColumnProps) {
  return (
    <section className="landscape-column" aria-label={title}>
      <h2 className="column-title">{title}</h2>
      {nodes.length > 0 ? (
        nodes.map((node) => <NodeCard key={node.id} node={node} calls={calls && (calls[node.id] ?? 0)} />)
      ) : (
        <p className="column-empty">{empty}</p>
      )}
    </section>
  );
}
