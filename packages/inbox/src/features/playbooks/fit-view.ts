// Which part of the flow the canvas shows, and how big: pure, the canvas's sizes in, xyflow's
// viewport (a translation in screen pixels and a zoom) out.

export type Rect = { x: number; y: number; width: number; height: number };
export type Viewport = { x: number; y: number; zoom: number };
export type FitLimits = { padding: number; minZoom: number; maxZoom: number };

/** Where the start card sits when the flow is wider (or taller) than the canvas at the smallest zoom. */
const START_INSET = 24;

/**
 * The viewport that shows all of `bounds` (the cards) in a `pane`, with `padding` (a share of the
 * flow's size) round it, at most `maxZoom`. When that needs less than `minZoom`, the zoom stays at
 * `minZoom` and each axis that still does not fit starts at the start card: its left edge near the
 * canvas's left, its middle at the canvas's middle; an axis that fits is centred.
 */
export function fitViewport(
  bounds: Rect,
  pane: { width: number; height: number },
  limits: FitLimits,
  start: Rect | null = null,
): Viewport {
  const pad = 1 + 2 * limits.padding;
  const wanted = Math.min(
    pane.width / Math.max(bounds.width * pad, 1),
    pane.height / Math.max(bounds.height * pad, 1),
  );
  const zoom = Math.max(limits.minZoom, Math.min(limits.maxZoom, wanted));
  const centre = (offset: number, size: number, room: number) => (room - size * zoom) / 2 - offset * zoom;
  const tooWide = start !== null && bounds.width * zoom > pane.width;
  const tooTall = start !== null && bounds.height * zoom > pane.height;
  return {
    x: start && tooWide ? START_INSET - start.x * zoom : centre(bounds.x, bounds.width, pane.width),
    y:
      start && tooTall
        ? pane.height / 2 - (start.y + start.height / 2) * zoom
        : centre(bounds.y, bounds.height, pane.height),
    zoom,
  };
}

/** The screen box (in pane pixels) of a flow `rect` under `viewport`. */
export function onScreen(rect: Rect, viewport: Viewport): Rect {
  return {
    x: rect.x * viewport.zoom + viewport.x,
    y: rect.y * viewport.zoom + viewport.y,
    width: rect.width * viewport.zoom,
    height: rect.height * viewport.zoom,
  };
}
