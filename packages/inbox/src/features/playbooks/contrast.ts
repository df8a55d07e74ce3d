/** WCAG 2.x AA minimum contrast for normal text. */
export const AA_CONTRAST = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #RRGGBB colour, or null when it is not one. */
export function luminanceOf(hex: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => channel(parseInt(part ?? '0', 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two #RRGGBB colours (1–21), or null when either is not a colour. */
export function contrastRatio(foreground: string, background: string): number | null {
  const a = luminanceOf(foreground);
  const b = luminanceOf(background);
  if (a === null || b === null) return null;
  const [light, dark] = a > b ? [a, b] : [b, a];
  return (light + 0.05) / (dark + 0.05);
}

/** True when text in `foreground` on `background` meets WCAG AA for normal text. */
export function meetsAA(foreground: string, background: string): boolean {
  const ratio = contrastRatio(foreground, background);
  return ratio !== null && ratio >= AA_CONTRAST;
}

/** Near-black or white, whichever reads better on `background` (the widget does the same for bubbles). */
export function readableTextOn(background: string): string {
  const dark = contrastRatio('#202124', background) ?? 0;
  const light = contrastRatio('#ffffff', background) ?? 0;
  return dark >= light ? '#202124' : '#ffffff';
}
