/** A row of checkboxes choosing some of `values`, with a legend and an optional error. */
export function CheckboxGroup<T extends string>({
  legend,
  values,
  chosen,
  label,
  ariaLabel,
  onChange,
  error,
}: {
  legend: string;
  values: readonly T[];
  chosen: readonly T[];
  label: (value: T) => string;
  /** A fuller name for each box, when the visible label alone is ambiguous on the page. */
  ariaLabel?: (value: T) => string;
  onChange: (next: T[]) => void;
  error?: string | null;
}) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-3">
        {values.map((value) => (
          <label key={value} className="flex items-center gap-1.5 text-sm text-slate-800">
            <input
              type="checkbox"
              className="h-4 w-4 rounded border-slate-300"
              aria-label={ariaLabel?.(value)}
              checked={chosen.includes(value)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, value] : chosen.filter((item) => item !== value))}
            />
            <span aria-hidden={ariaLabel ? true : undefined}>{label(value)}</span>
          </label>
        ))}
      </div>
      {error ? <p className="text-sm font-medium text-red-700">{error}</p> : null}
    </fieldset>
  );
}
