import { ViewHeader } from './ViewHeader';

interface PlannedViewProps {
  title: string;
  summary: string;
  planned: string[];
}

/** A view whose content is still to come: its heading, what it is for, and what it will show. */
export function PlannedView({ title, summary, planned }: PlannedViewProps) {
  return (
    <section className="view">
      <ViewHeader title={title} summary={summary} />
      <div className="panel planned">
        <h2>Coming to this view</h2>
        <ul>
          {planned.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
