"use client";

import { useCollabSession } from "./collab-session";
import { distinctInitials } from "./initials";

export type Present = { clientId: number; name: string; color: string };

/** Who else has this section open: initials in their caret colour, names for screen readers and on hover. */
export function Presence({ people }: { people: Present[] }) {
  const { user } = useCollabSession();
  if (!people.length) return null;
  // The viewer counts too: Felix's "FF" beside Fatima's own name would read as her.
  const initials = distinctInitials([...people.map((person) => person.name), user.name]);
  return (
    <ul aria-label="People in this section" className="flex -space-x-1">
      {people.map((person, i) => (
        // Focusable, so a keyboard user reads the name too; screen readers get it from the text.
        <li
          key={person.clientId}
          tabIndex={0}
          title={person.name}
          style={{ backgroundColor: person.color }}
          className="presence-avatar relative flex h-6 min-w-6 items-center justify-center rounded-full border-2 border-white px-1 text-[10px] font-semibold text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-un"
        >
          <span aria-hidden="true">{initials[i]}</span>
          {/* Read by screen readers always, shown on hover and focus (app/globals.css). */}
          <span className="presence-name">{person.name}</span>
        </li>
      ))}
    </ul>
  );
}
