/**
 * Initials for avatars that stay apart: "FF" for Fatima Facilitator and
 * Felix Facilitator would read as one person, so where two collide each
 * takes more letters of the first name ("FaF", "FeF") until they differ.
 */
export function distinctInitials(names: readonly string[]): string[] {
  const words = names.map((name) => name.split(/\s+/).filter(Boolean));
  const longest = Math.max(1, ...words.map((parts) => parts[0]?.length ?? 1));
  let initials = words.map((parts) => initialsOf(parts, 1));
  for (let letters = 2; letters <= longest; letters++) {
    const clashing = findClashes(initials, names);
    if (!clashing.size) break;
    initials = initials.map((current, i) => (clashing.has(i) ? initialsOf(words[i], letters) : current));
  }
  return initials;
}

function initialsOf(parts: string[], firstNameLetters: number): string {
  if (!parts.length) return "?";
  const first = parts[0].slice(0, firstNameLetters);
  const last = parts.length > 1 ? parts.at(-1)![0] : "";
  return `${first[0]!.toUpperCase()}${first.slice(1).toLowerCase()}${last.toUpperCase()}`;
}

/** Indexes whose initials another person shares (the same person twice, in two tabs, is no clash). */
function findClashes(initials: string[], names: readonly string[]): Set<number> {
  const clashing = new Set<number>();
  initials.forEach((a, i) =>
    initials.forEach((b, j) => {
      if (i !== j && a === b && names[i] !== names[j]) clashing.add(i);
    }),
  );
  return clashing;
}
