/**
 * A stable, readable colour per user, for carets and avatars: a hue from the
 * id, dark enough for white text. As `#rrggbb`, the only form Tiptap's
 * CollaborationCaret accepts (it draws any other as transparent).
 */
export function colourForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return readableOnWhite(hash % 360);
}

/** WCAG AA for the avatars' small white initials. */
const MIN_CONTRAST_WITH_WHITE = 4.5;

/**
 * The hue at the lightness where white text on it reads: one lightness does
 * not do for every hue (yellows and greens are far brighter than blues at the
 * same lightness; found by an axe scan when a test user drew a green).
 */
function readableOnWhite(hue: number): string {
  for (let lightness = 0.35; lightness > 0.1; lightness -= 0.01) {
    const colour = hslToHex(hue, 0.7, lightness);
    if (contrastWithWhite(colour) >= MIN_CONTRAST_WITH_WHITE) return colour;
  }
  return hslToHex(hue, 0.7, 0.1);
}

/** WCAG 2 contrast ratio of white against `#rrggbb`. */
export function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
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
