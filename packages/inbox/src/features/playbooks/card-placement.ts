// Where a card added with "Add card" goes: the free spot nearest to where the admin looks (or
// beside the selected card), never on top of a card already there. Pure: boxes in, a spot out.

export type Spot = { x: number; y: number };
export type Box = Spot & { width: number; height: number };

/** The room kept clear between a new card and its neighbours. */
export const PLACEMENT_MARGIN = 24;

/** True when `a` and `b` (canvas boxes) come closer than `margin` to each other. */
export function boxesTooClose(a: Box, b: Box, margin = PLACEMENT_MARGIN): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

/**
 * The top-left corner nearest to `preferred` where a card of `size` keeps `margin` clear of every
 * box. The nearest free corner lies either at `preferred` or against an edge of some box on each
 * axis, so those are the only candidates tried, nearest first.
 */
export function freeSpot(
  boxes: readonly Box[],
  preferred: Spot,
  size: { width: number; height: number },
  margin = PLACEMENT_MARGIN,
): Spot {
  const xs = new Set([preferred.x]);
  const ys = new Set([preferred.y]);
  for (const b of boxes) {
    xs.add(b.x + b.width + margin);
    xs.add(b.x - size.width - margin);
    ys.add(b.y + b.height + margin);
    ys.add(b.y - size.height - margin);
  }
  const candidates: (Spot & { d: number })[] = [];
  for (const x of xs)
    for (const y of ys) candidates.push({ x, y, d: Math.hypot(x - preferred.x, y - preferred.y) });
  // Nearest first; at equal distance below before above, right before left (reading order).
  candidates.sort((a, b) => a.d - b.d || b.y - a.y || b.x - a.x);
  const free = candidates.find((c) => !boxes.some((b) => boxesTooClose({ ...c, ...size }, b, margin)));
  // Every box has free room to its right, so `free` always exists; the fallback keeps types honest.
  return free ? { x: free.x, y: free.y } : preferred;
}

/**
 * Where a new card goes: right of the selected card, level with it, when one card is selected;
 * otherwise centred on the middle of what the canvas shows. Then the nearest free spot to that.
 */
export function placeNewCard(args: {
  boxes: readonly (Box & { id: string })[];
  viewCentre: Spot | null;
  selectedId: string | null;
  size: { width: number; height: number };
  gap?: number;
}): Spot {
  const { boxes, viewCentre, selectedId, size, gap = 100 } = args;
  const selected = selectedId ? boxes.find((b) => b.id === selectedId) : undefined;
  const preferred = selected
    ? { x: selected.x + selected.width + gap, y: selected.y }
    : viewCentre
      ? { x: viewCentre.x - size.width / 2, y: viewCentre.y - size.height / 2 }
      : { x: 0, y: Math.max(0, ...boxes.map((b) => b.y + b.height + gap)) };
  return freeSpot(boxes, preferred, size);
}
