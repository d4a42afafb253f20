"use client";

export type Present = { clientId: number; name: string; color: string };

/** Who else has this section open: initials in their caret colour, names for screen readers and on hover. */
export function Presence({ people }: { people: Present[] }) {
  if (!people.length) return null;
  return (
    <ul aria-label="People in this section" className="flex -space-x-1">
      {people.map((person) => (
        <li
          key={person.clientId}
          title={person.name}
          style={{ backgroundColor: person.color }}
          className="flex h-6 w-6 items-center justify-center rounded-full border-2 border-white text-[10px] font-semibold text-white"
        >
          <span aria-hidden="true">{initials(person.name)}</span>
          <span className="sr-only">{person.name}</span>
        </li>
      ))}
    </ul>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}
