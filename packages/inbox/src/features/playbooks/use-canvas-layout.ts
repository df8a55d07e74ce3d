import { useCallback, useEffect, useRef, useState } from 'react';
import { useNodesInitialized, useReactFlow, useStore, type Edge } from '@xyflow/react';
import type { TPlaybookDocument } from '@charla/protocol';
import { applyPositions, layoutFlow, needsLayout, type Point, type Size } from './auto-layout';
import type { CardNode } from './flow-mapping';

/** Cards are this wide (playbooks.css `.pb-card`); heights are measured. */
export const CARD_WIDTH = 260;
const FALLBACK_HEIGHT = 140;

/** Fit never zooms out so far that 13 px card text drops below 12 px on screen. */
export const FIT_OPTIONS = { padding: 0.08, maxZoom: 1, minZoom: 0.93 } as const;

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

  // The whole flow when it fits at a readable zoom; otherwise the start card at the left edge,
  // at the smallest readable zoom, with the rest a pan away (never unreadably small cards).
  const showFlow = useCallback(() => {
    const bounds = flow.getNodesBounds(flow.getNodes());
    const pad = 1 + 2 * FIT_OPTIONS.padding;
    const fits = Math.min(paneWidth / (bounds.width * pad), paneHeight / (bounds.height * pad));
    const start = flow.getNode(doc.flow.startNodeId);
    if (fits >= FIT_OPTIONS.minZoom || !start) {
      void flow.fitView(FIT_OPTIONS);
      return;
    }
    const zoom = FIT_OPTIONS.minZoom;
    const middle = start.position.y + (start.measured?.height ?? FALLBACK_HEIGHT) / 2;
    void flow.setViewport({ x: 24 - start.position.x * zoom, y: paneHeight / 2 - middle * zoom, zoom });
  }, [flow, paneWidth, paneHeight, doc.flow.startNodeId]);

  const run = useCallback(
    (apply: (next: TPlaybookDocument) => void) => {
      const layout = layoutFlow(doc, sizeReader(nodes));
      setRoutes({ routes: layout.routes, at: layout.positions });
      apply(applyPositions(doc, layout.positions));
      window.setTimeout(showFlow, 0);
    },
    [doc, nodes, showFlow],
  );

  // On open: place cards that were never placed; otherwise only learn the routes of a layout
  // the saved positions still match (a tidied playbook reopened draws its links the same way).
  useEffect(() => {
    if (opened.current || !initialized) return;
    opened.current = true;
    if (needsLayout(doc)) run(onLayout);
    else {
      setRoutes(routesOf(layoutFlow(doc, sizeReader(nodes))));
      showFlow();
    }
  }, [initialized, doc, nodes, run, onLayout, showFlow]);

  const tidyUp = useCallback(() => run(onChange), [run, onChange]);

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
