"use client";

import { useId, useState } from "react";
import type { DelegationChoice } from "@/lib/users/delegation-label";

/** The options of a delegation select, under one <optgroup> per kind (Member States, observer States, groups). */
export function DelegationOptions({ choices }: { choices: DelegationChoice[] }) {
  const groups = new Map<string, DelegationChoice[]>();
  for (const choice of choices) groups.set(choice.group, [...(groups.get(choice.group) ?? []), choice]);
  return (
    <>
      {[...groups].map(([group, members]) => (
        <optgroup key={group} label={group}>
          {members.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/**
 * A delegation select over the whole roster with a filter above it: typing
 * "USA" or "Korea" narrows the list to the members known by that name. Both
 * are native controls, so the keyboard and screen readers work as usual.
 */
export function DelegationPicker({
  choices,
  id,
  name,
  label,
}: {
  choices: DelegationChoice[];
  id: string;
  name: string;
  label: string;
}) {
  const filterId = useId();
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const shown = needle ? choices.filter((c) => c.searchText.toLowerCase().includes(needle)) : choices;
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <label htmlFor={filterId} className="sr-only">
        Search the roster
      </label>
      <input
        id={filterId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Find a delegation (e.g. USA, Korea, EU)"
        aria-controls={id}
        className="w-full rounded border border-slate-400 px-3 py-1.5"
      />
      <select id={id} name={name} required className="w-full rounded border border-slate-400 px-2 py-1.5">
        <DelegationOptions choices={shown} />
      </select>
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {needle ? `${shown.length} of ${choices.length} delegations match` : `${choices.length} delegations`}
      </p>
    </div>
  );
}
