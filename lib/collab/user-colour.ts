/**
 * A stable, readable colour per user, for carets and avatars: a hue from the
 * id, dark enough for white text. As `#rrggbb`, the only form Tiptap's
 * CollaborationCaret accepts (it draws any other as transparent).
 */
export function colourForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hslToHex(hash % 360, 0.7, 0.35);
}

/** CSS's HSL to RGB conversion (CSS Color 4, §7.1), as `#rrggbb`. */
export function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - chroma * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
