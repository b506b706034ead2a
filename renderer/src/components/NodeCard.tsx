import type { ReactNode } from 'react';
import { hrefOf } from '../navigation';
import type { LandscapeNode } from '../views/landscape-nodes';

/** One server of the landscape; the whole card links to the view about it. */
export function NodeCard({ node, children }: { node: LandscapeNode; children?: ReactNode }) {
  return (
    <a
      className={`node-card node-${node.id}`}
      href={hrefOf(node.view)}
      data-testid={`node-${node.id}`}
      data-anchor={node.id}
    >
      <span className="node-title">{node.title}</span>
      <span className="node-role">{node.role}</span>
      <code className="node-url" data-testid="node-url">
        {node.url}
      </code>
      {node.username ? <span className="node-user">user {node.username}</span> : null}
      {children}
    </a>
  );
}
