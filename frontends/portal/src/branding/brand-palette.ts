/** A company colour as the API gives it: `#1c7ed6` (or `#17d`). */
const hexColor = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as Rgb;
}

const hexOf = (rgb: Rgb) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

const mix = (from: Rgb, to: Rgb, share: number): Rgb => from.map((channel, index) => channel + (to[index]! - channel) * share) as Rgb;

/** How much white (shades 0–7) or black (9) each shade takes; shade 8, the filled colour, is the company's own. */
const towardsWhite = [0.92, 0.84, 0.72, 0.58, 0.44, 0.3, 0.18, 0.08];

/**
 * The ten shades Mantine wants for a primary colour, from the company's colour: pale tints for
 * light backgrounds, the colour itself at shade 8 (the theme's filled shade: buttons are exactly the
 * company's colour, their text black or white by contrast), a darker one at 9. Null for a value that
 * is not a colour, so the portal keeps Relais's own.
 */
export function brandPalette(color: string | null | undefined): string[] | null {
  if (!color || !hexColor.test(color)) return null;
  const rgb = rgbOf(color);
  return [...towardsWhite.map((share) => hexOf(mix(rgb, [255, 255, 255], share))), hexOf(rgb), hexOf(mix(rgb, [0, 0, 0], 0.2))];
}
