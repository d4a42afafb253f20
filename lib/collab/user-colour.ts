/** A stable, readable colour per user, for carets and avatars (dark enough for white text). */
export function colourForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 70% 35%)`;
}
