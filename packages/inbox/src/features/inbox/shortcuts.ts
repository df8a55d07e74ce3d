export type ShortcutAction = 'next' | 'previous' | 'assign' | 'close' | 'focus_composer' | 'help' | 'escape';

export type KeyInput = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  inEditable: boolean;
};

/** The inbox keyboard map. Letters act only outside text fields, so typing is never hijacked. */
export const shortcutList: readonly { keys: string[]; action: ShortcutAction }[] = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['a'], action: 'assign' },
  { keys: ['c'], action: 'close' },
  { keys: ['/', 'r'], action: 'focus_composer' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'escape' },
];

export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.key === 'Escape') return 'escape';
  if (input.inEditable || input.ctrlKey || input.metaKey || input.altKey) return null;
  switch (input.key) {
    case 'j':
    case 'ArrowDown':
      return input.key === 'j' ? 'next' : null;
    case 'k':
      return 'previous';
    case 'a':
      return 'assign';
    case 'c':
      return 'close';
    case '/':
    case 'r':
      return 'focus_composer';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** The id after/before `current` in `ids` (first one when nothing is open), clamped at the ends. */
export function stepSelection(
  ids: readonly string[],
  current: string | null,
  direction: 1 | -1,
): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, index + direction))] ?? null;
}
