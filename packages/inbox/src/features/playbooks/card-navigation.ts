// Moving the keyboard focus between the cards of the canvas by where they are on it.

import { boxesTooClose, PLACEMENT_MARGIN } from './card-placement';

export type Direction = 'left' | 'right' | 'up' | 'down';
export type CardBox = { id: string; x: number; y: number; width: number; height: number };

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** What a key pressed on a focused card does (null: the canvas's own handling, e.g. Shift+arrows move it). */
export type CardKeyAction =
  | { kind: 'go'; direction: Direction }
  | { kind: 'edit' }
  | { kind: 'add-connected' }
  | { kind: 'start' }
  | { kind: 'help' };

export function cardKeyAction(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): CardKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const direction = ARROWS[event.key];
  if (direction) return event.shiftKey ? null : { kind: 'go', direction };
  if (event.key === '?') return { kind: 'help' };
  if (event.shiftKey) return null;
  if (event.key === 'Enter') return { kind: 'edit' };
  if (event.key === 'n' || event.key === 'N') return { kind: 'add-connected' };
  if (event.key === 'Home') return { kind: 'start' };
  return null;
}

function centre(box: CardBox) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The card to go to from `fromId` in `direction`: the nearest one within 45° of that way (a
 * sideways offset counts double); failing that, the nearest one past the card's edge that way.
 * Null when there is none that way.
 */
export function neighbourCard(
  boxes: readonly CardBox[],
  fromId: string,
  direction: Direction,
): string | null {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return boxes[0]?.id ?? null;
  const origin = centre(from);
  const across = direction === 'left' || direction === 'right' ? from.width : from.height;
  const scored = boxes
    .filter((box) => box.id !== fromId)
    .map((box) => {
      const c = centre(box);
      const dx = c.x - origin.x;
      const dy = c.y - origin.y;
      const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
      const aside = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
      return { id: box.id, ahead, aside, score: ahead + 2 * aside };
    })
    .sort((a, b) => a.score - b.score);
  const inCone = scored.find((s) => s.ahead > 1 && s.ahead >= s.aside);
  return (inCone ?? scored.find((s) => s.ahead > across / 2))?.id ?? null;
}

/**
 * Where a card of `size` goes beside `fromId` (a card added from the keyboard): to its right,
 * level with it, else the nearest row below or above where it covers no other card.
 */
export function spotBeside(
  boxes: readonly CardBox[],
  fromId: string,
  size: { width: number; height: number },
  gap = 100,
): { x: number; y: number } {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return { x: 0, y: 0 };
  const x = from.x + from.width + gap;
  const step = size.height + PLACEMENT_MARGIN * 2;
  for (let i = 0; i < 20; i += 1) {
    const dy = (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2) * step;
    const spot = { x, y: from.y + dy, ...size };
    if (!boxes.some((b) => b.id !== fromId && boxesTooClose(spot, b))) return { x, y: spot.y };
  }
  return { x, y: from.y };
}
