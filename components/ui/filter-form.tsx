/**
 * A list page's filters as a plain GET form: each a labelled select whose
 * first option means "any", and a Filter button. It works without
 * JavaScript, and the filtered page has a URL that can be shared.
 */
import { Button } from "./button";

export type FilterOption = { value: string; label: string };
export type FilterField = {
  name: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly FilterOption[];
};

const SELECT = "rounded border border-slate-300 bg-white px-2 py-1";

export function FilterForm({ label, fields }: { label: string; fields: readonly FilterField[] }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={label}>
      {fields.map((field) => (
        <label key={field.name} className="flex flex-col">
          {field.label}
          <select name={field.name} defaultValue={field.value ?? ""} className={SELECT}>
            <option value="">{field.anyLabel}</option>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <Button variant="primary-compact" size="md" type="submit">
        Filter
      </Button>
    </form>
  );
}

/** The delegations that items speak for, once each, by name: the options of a delegation filter. */
export function toDelegationOptions(
  items: readonly { delegation: { id: string; name: string } | null }[],
): FilterOption[] {
  const byId = new Map(
    items.flatMap((item) => (item.delegation ? [[item.delegation.id, item.delegation.name] as const] : [])),
  );
  return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** Plain values as options labelled by themselves (stances, states). */
export function toOptions(values: readonly string[]): FilterOption[] {
  return values.map((value) => ({ value, label: value }));
}
