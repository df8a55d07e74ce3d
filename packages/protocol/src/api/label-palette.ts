// Label colours and limits as plain values (zod-free, for the clients); the schemas are in
// labels.schema.ts.

/**
 * Conversation labels (issue 16 item 3). Colours come from a fixed palette: each is a tinted
 * background with a dark text colour whose contrast passes WCAG AA for small text (≥ 4.5:1,
 * checked by labels.test.ts), so no admin can pick an unreadable chip.
 */
export const labelPalette = {
  gray: { background: '#e5e7eb', text: '#1f2937' },
  red: { background: '#fee2e2', text: '#991b1b' },
  orange: { background: '#ffedd5', text: '#9a3412' },
  amber: { background: '#fef3c7', text: '#92400e' },
  green: { background: '#dcfce7', text: '#166534' },
  teal: { background: '#ccfbf1', text: '#115e59' },
  blue: { background: '#dbeafe', text: '#1e40af' },
  indigo: { background: '#e0e7ff', text: '#3730a3' },
  purple: { background: '#f3e8ff', text: '#6b21a8' },
  pink: { background: '#fce7f3', text: '#9d174d' },
} as const;
export type TLabelColor = keyof typeof labelPalette;
export const labelColors = Object.keys(labelPalette) as TLabelColor[];

/** The most labels one conversation carries: enough to tag, few enough for a list row. */
export const MAX_LABELS_PER_CONVERSATION = 10;
export const MAX_LABEL_NAME = 40;

export function isLabelColor(value: string): value is TLabelColor {
  return Object.hasOwn(labelPalette, value);
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
