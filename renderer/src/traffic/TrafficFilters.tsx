import { osbOperations } from '../../../shared/osb-operations';
import { FilterInput } from '../components/FilterInput';
import { type FlowFilters, STATUS_CLASSES } from './flow-query';

interface TrafficFiltersProps {
  filters: FlowFilters;
  platforms: string[];
  onChange: (filters: FlowFilters) => void;
}

function Choice(props: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">{props.label}: any</option>
      {props.options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

/** Text search plus one control per field of a flow. */
export function TrafficFilters({ filters, platforms, onChange }: TrafficFiltersProps) {
  const set = (name: keyof FlowFilters) => (value: string) => onChange({ ...filters, [name]: value });
  return (
    <search className="filters">
      <FilterInput label="Filter flows" value={filters.text} onChange={set('text')} />
      <Choice label="Platform" value={filters.platform} options={platforms} onChange={set('platform')} />
      <Choice
        label="Operation"
        value={filters.operation}
        options={osbOperations}
        onChange={set('operation')}
      />
      <Choice label="Status" value={filters.status} options={STATUS_CLASSES} onChange={set('status')} />
      <input
        aria-label="Broker"
        placeholder="Broker"
        value={filters.broker}
        onChange={(event) => set('broker')(event.target.value)}
      />
      <input
        aria-label="Instance"
        placeholder="Instance id"
        title="Any start of an instance id, e.g. the 8 characters the list shows"
        value={filters.instance}
        onChange={(event) => set('instance')(event.target.value)}
      />
    </search>
  );
}
