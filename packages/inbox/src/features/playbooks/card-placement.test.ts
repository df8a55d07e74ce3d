import { describe, expect, it } from 'vitest';
import { boxesTooClose, freeSpot, placeNewCard, PLACEMENT_MARGIN, type Box } from './card-placement';

const SIZE = { width: 260, height: 180 };
const card = (id: string, x: number, y: number, height = 140) => ({ id, x, y, width: 260, height });

function clearOfAll(spot: { x: number; y: number }, boxes: readonly Box[]): boolean {
  return !boxes.some((b) => boxesTooClose({ ...spot, ...SIZE }, b));
}

describe('boxesTooClose', () => {
  it.each([
    ['overlapping', card('a', 0, 0), card('b', 100, 50), true],
    ['touching', card('a', 0, 0), card('b', 260, 0), true],
    ['closer than the margin', card('a', 0, 0), card('b', 260 + PLACEMENT_MARGIN - 1, 0), true],
    ['exactly the margin apart', card('a', 0, 0), card('b', 260 + PLACEMENT_MARGIN, 0), false],
    ['far below', card('a', 0, 0), card('b', 0, 400), false],
  ])('says %s', (_case, a, b, expected) => {
    expect(boxesTooClose(a, b)).toBe(expected);
    expect(boxesTooClose(b, a)).toBe(expected);
  });
});

describe('freeSpot', () => {
  it('keeps the preferred spot when nothing is there', () => {
    expect(freeSpot([card('a', 1000, 1000)], { x: 10, y: 20 }, SIZE)).toEqual({ x: 10, y: 20 });
  });

  it('moves off a card that covers the preferred spot, to the nearest free side', () => {
    const boxes = [card('a', 0, 0)];
    const spot = freeSpot(boxes, { x: 20, y: 10 }, SIZE);
    expect(clearOfAll(spot, boxes)).toBe(true);
    // Below the card is nearer than left, right or above.
    expect(spot).toEqual({ x: 20, y: 140 + PLACEMENT_MARGIN });
  });

  it('finds a hole between cards when the middle of a grid of cards is asked for', () => {
    const boxes: Box[] = [];
    for (let col = 0; col < 5; col += 1)
      for (let row = 0; row < 5; row += 1) boxes.push(card(`c${col}${row}`, col * 380, row * 200));
    const spot = freeSpot(boxes, { x: 760, y: 400 }, SIZE);
    expect(clearOfAll(spot, boxes)).toBe(true);
  });

  it('never overlaps, wherever it is asked in a dense flow', () => {
    const boxes: Box[] = [];
    for (let i = 0; i < 40; i += 1) boxes.push(card(`c${i}`, (i % 8) * 300, Math.floor(i / 8) * 170));
    for (const preferred of [
      { x: 0, y: 0 },
      { x: 900, y: 300 },
      { x: -50, y: 700 },
      { x: 2000, y: 100 },
    ]) {
      const spot = freeSpot(boxes, preferred, SIZE);
      expect(clearOfAll(spot, boxes), JSON.stringify(preferred)).toBe(true);
    }
  });
});

describe('placeNewCard', () => {
  const boxes = [card('welcome', 0, 0), card('choose', 380, 0), card('end', 760, 0)];

  it('centres the card on the middle of the view when that is free', () => {
    const spot = placeNewCard({ boxes, viewCentre: { x: 500, y: 700 }, selectedId: null, size: SIZE });
    expect(spot).toEqual({ x: 500 - 130, y: 700 - 90 });
  });

  it('moves the card out of the way when the middle of the view is on a card', () => {
    const spot = placeNewCard({ boxes, viewCentre: { x: 510, y: 70 }, selectedId: null, size: SIZE });
    expect(clearOfAll(spot, boxes)).toBe(true);
  });

  it('puts the card right of the selected card, or the nearest free spot to that', () => {
    const lone = placeNewCard({
      boxes: [card('a', 0, 0)],
      viewCentre: { x: 5000, y: 5000 },
      selectedId: 'a',
      size: SIZE,
    });
    expect(lone).toEqual({ x: 360, y: 0 });
    const crowded = placeNewCard({ boxes, viewCentre: null, selectedId: 'welcome', size: SIZE });
    expect(clearOfAll(crowded, boxes)).toBe(true);
  });

  it('goes below the lowest card when the view is unknown and nothing is selected', () => {
    const spot = placeNewCard({
      boxes: [card('a', 0, 0), card('b', 0, 300)],
      viewCentre: null,
      selectedId: null,
      size: SIZE,
    });
    expect(spot).toEqual({ x: 0, y: 540 });
  });
});
