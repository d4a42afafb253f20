"use client";

/** The two deadline fields (UTC, to the second) that issuing a revision and setting deadlines both ask for. */
export type DeadlineValues = { commentDeadline: string; amendmentDeadline: string };

const FIELDS = [
  { name: "commentDeadline", label: "Comment deadline (UTC)" },
  { name: "amendmentDeadline", label: "Amendment deadline (UTC)" },
] as const;

export function DeadlineFields({
  values,
  onChange,
  autoFocus = false,
}: {
  values: DeadlineValues;
  onChange: (values: DeadlineValues) => void;
  autoFocus?: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      {FIELDS.map((field, index) => (
        <label key={field.name} className="flex flex-col text-sm">
          {field.label}
          <input
            type="datetime-local"
            step={1}
            name={field.name}
            value={values[field.name]}
            onChange={(event) => onChange({ ...values, [field.name]: event.target.value })}
            autoFocus={autoFocus && index === 0}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
      ))}
    </div>
  );
}
