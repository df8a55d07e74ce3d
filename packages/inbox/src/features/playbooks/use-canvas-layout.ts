import { useCallback, useEffect, useRef, useState } from 'react';
import { useNodesInitialized, useReactFlow, useStore, type Edge } from '@xyflow/react';
import type { TPlaybookDocument } from '@charla/protocol';
import { applyPositions, layoutFlow, needsLayout, type Point, type Size } from './auto-layout';
import { fitViewport, type FitLimits } from './fit-view';
import type { CardNode } from './flow-mapping';

/** Cards are this wide (playbooks.css `.pb-card`); heights are measured. */
export const CARD_WIDTH = 260;
const FALLBACK_HEIGHT = 140;

/**
 * "Fit view" (the canvas's control): the whole flow, zoomed out as far as needed down to the
 * canvas's own smallest zoom (the Live chat template's seven columns fit a 1280 px screen at about
 * 0.24): the admin asked for its shape and every card, and zooms in to read.
 */
export const MIN_ZOOM = 0.2;
export const FIT_OPTIONS = { padding: 0.05, maxZoom: 1, minZoom: MIN_ZOOM } as const;

/**
 * Opening the editor and "Tidy up" never zoom out so far that 13 px card text drops below 12 px on
 * screen (issue 18): the whole flow when it fits so, else the start card at the left edge.
 */
export const READABLE_FIT = { padding: 0.08, maxZoom: 1, minZoom: 0.93 } as const;

type Routes = { routes: Map<string, Point[]>; at: Map<string, Point> };

function sizeReader(nodes: readonly CardNode[]): (id: string) => Size {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (id) => ({
    width: byId.get(id)?.measured?.width ?? CARD_WIDTH,
    height: byId.get(id)?.measured?.height ?? FALLBACK_HEIGHT,
  });
}

const samePoint = (a: Point | undefined, b: Point | undefined) =>
  a !== undefined && b !== undefined && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;

/**
 * The canvas's automatic layout: on open when cards were never placed (not an undoable edit),
 * and "Tidy up" on demand (an edit). Keeps the link routes of the last layout for as long as both
 * ends of a link stay where the layout put them.
 */
export function useCanvasLayout(args: {
  doc: TPlaybookDocument;
  nodes: readonly CardNode[];
  onChange: (next: TPlaybookDocument) => void;
  onLayout: (next: TPlaybookDocument) => void;
}) {
  const { doc, nodes, onChange, onLayout } = args;
  const initialized = useNodesInitialized();
  const flow = useReactFlow();
  const [routes, setRoutes] = useState<Routes>({ routes: new Map(), at: new Map() });
  const opened = useRef(false);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);

  // The whole flow when it fits at `limits.minZoom`; otherwise the start card at the left edge,
  // at that zoom, with the rest a pan away.
  const showFlow = useCallback(
    (limits: FitLimits) => {
      const start = flow.getNode(doc.flow.startNodeId);
      const startBox = start
        ? {
            ...start.position,
            width: start.measured?.width ?? CARD_WIDTH,
            height: start.measured?.height ?? FALLBACK_HEIGHT,
          }
        : null;
      const bounds = flow.getNodesBounds(flow.getNodes());
      void flow.setViewport(fitViewport(bounds, { width: paneWidth, height: paneHeight }, limits, startBox));
    },
    [flow, paneWidth, paneHeight, doc.flow.startNodeId],
  );

  const run = useCallback(
    (apply: (next: TPlaybookDocument) => void, limits: FitLimits) => {
      const layout = layoutFlow(doc, sizeReader(nodes));
      setRoutes({ routes: layout.routes, at: layout.positions });
      apply(applyPositions(doc, layout.positions));
      window.setTimeout(() => showFlow(limits), 0);
    },
    [doc, nodes, showFlow],
  );

  // On open: place cards that were never placed; otherwise only learn the routes of a layout
  // the saved positions still match (a tidied playbook reopened draws its links the same way).
  useEffect(() => {
    if (opened.current || !initialized) return;
    opened.current = true;
    if (needsLayout(doc)) run(onLayout, READABLE_FIT);
    else {
      setRoutes(routesOf(layoutFlow(doc, sizeReader(nodes))));
      showFlow(READABLE_FIT);
    }
  }, [initialized, doc, nodes, run, onLayout, showFlow]);

  const tidyUp = useCallback(() => run(onChange, READABLE_FIT), [run, onChange]);

  /** The edges with the route of the last layout, where both their cards have not moved. */
  const route = useCallback(
    (edges: Edge[], positions: Map<string, Point>): Edge[] =>
      edges.map((e) => {
        const bends = routes.routes.get(e.id);
        const valid =
          bends &&
          samePoint(routes.at.get(e.source), positions.get(e.source)) &&
          samePoint(routes.at.get(e.target), positions.get(e.target));
        return valid ? { ...e, data: { ...e.data, route: bends } } : e;
      }),
    [routes],
  );
  return { tidyUp, route };
}

function routesOf(layout: { routes: Map<string, Point[]>; positions: Map<string, Point> }): Routes {
  return { routes: layout.routes, at: layout.positions };
}
