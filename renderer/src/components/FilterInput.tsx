interface FilterInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** The view's text filter; `/` focuses it from anywhere (see useSlashFocus). */
export function FilterInput({ label, value, onChange }: FilterInputProps) {
  return (
    <span className="filter">
      <input
        type="search"
        data-filter
        aria-label={label}
        aria-keyshortcuts="/"
        placeholder={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="filter-key" aria-hidden="true">
        /
      </span>
    </span>
  );
}
