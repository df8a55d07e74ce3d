import { describe, expect, it } from 'vitest';
import { fitViewport, onScreen, type Rect } from './fit-view';

const OPEN = { padding: 0.08, minZoom: 0.5, maxZoom: 1 };
const PANE = { width: 1000, height: 700 };

function inside(box: Rect, pane: { width: number; height: number }): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= pane.width && box.y + box.height <= pane.height;
}

describe('fitViewport', () => {
  it('shows a small flow at full size, centred', () => {
    const bounds = { x: 0, y: 0, width: 400, height: 200 };
    const view = fitViewport(bounds, PANE, OPEN);
    expect(view).toEqual({ x: 300, y: 250, zoom: 1 });
    expect(inside(onScreen(bounds, view), PANE)).toBe(true);
  });

  it('zooms out until a wider flow fits, with its padding, wherever the flow starts', () => {
    const bounds = { x: -300, y: 120, width: 1600, height: 500 };
    const view = fitViewport(bounds, PANE, OPEN);
    expect(view.zoom).toBeCloseTo(1000 / (1600 * 1.16));
    const box = onScreen(bounds, view);
    expect(inside(box, PANE)).toBe(true);
    expect(box.x).toBeCloseTo((1000 - box.width) / 2);
  });

  it('zooms out for a tall flow too', () => {
    const bounds = { x: 0, y: 0, width: 300, height: 1000 };
    const view = fitViewport(bounds, PANE, OPEN);
    expect(view.zoom).toBeCloseTo(700 / 1160);
    expect(inside(onScreen(bounds, view), PANE)).toBe(true);
  });

  it('stops at the smallest zoom and shows the start card at the left when the flow is wider', () => {
    const bounds = { x: 0, y: 0, width: 5000, height: 600 };
    const start = { x: 0, y: 200, width: 260, height: 120 };
    const view = fitViewport(bounds, PANE, OPEN, start);
    expect(view.zoom).toBe(0.5);
    expect(onScreen(start, view).x).toBe(24);
    // Its height fits at that zoom: centred up and down.
    expect(view.y).toBeCloseTo((700 - 300) / 2);
  });

  it('puts the start card at the middle when the flow is also taller than the canvas', () => {
    const bounds = { x: 0, y: 0, width: 5000, height: 3000 };
    const start = { x: 0, y: 1400, width: 260, height: 200 };
    const view = fitViewport(bounds, PANE, OPEN, start);
    const box = onScreen(start, view);
    expect(box.y + box.height / 2).toBeCloseTo(350);
    expect(inside(box, PANE)).toBe(true);
  });

  it('centres at the smallest zoom when there is no start card to show', () => {
    const bounds = { x: 0, y: 0, width: 5000, height: 600 };
    const view = fitViewport(bounds, PANE, OPEN);
    expect(view.zoom).toBe(0.5);
    expect(view.x).toBeCloseTo((1000 - 2500) / 2);
  });
});
