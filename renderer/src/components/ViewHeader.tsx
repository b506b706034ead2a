import type { ReactNode } from 'react';

interface ViewHeaderProps {
  title: string;
  summary: string;
  children?: ReactNode;
}

/** The title and one-sentence summary every view opens with; `children` go to the right (filters, actions). */
export function ViewHeader({ title, summary, children }: ViewHeaderProps) {
  return (
    <header className="view-header">
      <div>
        <h1 id="view-title">{title}</h1>
        <p className="view-summary">{summary}</p>
      </div>
      {children ? <div className="view-actions">{children}</div> : null}
    </header>
  );
}
