import dagre from '@dagrejs/dagre';
import { portsOf, type TPlaybookDocument } from '@charla/protocol';

// Automatic layered layout of the flow, left to right (dagre). Pure: cards' sizes in, positions
// (top-left corners) and link routes out. A route is the list of bend points dagre reserved for a
// link between the card columns, so a link that skips columns goes round the cards, not behind them.

export type Size = { width: number; height: number };
export type Point = { x: number; y: number };
export type FlowLayout = { positions: Map<string, Point>; routes: Map<string, Point[]> };

/** The gap between columns of cards and between cards of one column. */
const RANK_SEP = 110;
const NODE_SEP = 36;
const EDGE_SEP = 24;

/** True when some card has never been placed (a new document, or one made through the API). */
export function needsLayout(doc: TPlaybookDocument): boolean {
  return doc.flow.nodes.some((n) => !n.ui);
}

/** Lays the cards out in columns from the start card, in port order within a card. */
export function layoutFlow(doc: TPlaybookDocument, sizeOf: (nodeId: string) => Size): FlowLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: 'LR',
    ranksep: RANK_SEP,
    nodesep: NODE_SEP,
    edgesep: EDGE_SEP,
    marginx: 20,
    marginy: 20,
  });
  g.setDefaultEdgeLabel(() => ({}));
  // The start card first, then document order: dagre keeps insertion order where it can.
  const nodes = [...doc.flow.nodes].sort(
    (a, b) => Number(b.id === doc.flow.startNodeId) - Number(a.id === doc.flow.startNodeId),
  );
  for (const node of nodes) g.setNode(node.id, { ...sizeOf(node.id) });
  const ids = new Set(nodes.map((n) => n.id));
  const portIndex = new Map(
    doc.flow.nodes.flatMap((n) => portsOf(n).map((p, i) => [`${n.id} ${p.name}`, i] as const)),
  );
  const edges = doc.flow.edges
    .filter((e) => ids.has(e.from.nodeId) && ids.has(e.to.nodeId) && e.from.nodeId !== e.to.nodeId)
    .sort(
      (a, b) =>
        (portIndex.get(`${a.from.nodeId} ${a.from.port}`) ?? 0) -
        (portIndex.get(`${b.from.nodeId} ${b.from.port}`) ?? 0),
    );
  for (const edge of edges) g.setEdge(edge.from.nodeId, edge.to.nodeId, {}, edge.id);
  dagre.layout(g);

  const positions = new Map<string, Point>();
  for (const node of nodes) {
    const placed = g.node(node.id) as { x: number; y: number; width: number; height: number };
    positions.set(node.id, {
      x: Math.round(placed.x - placed.width / 2),
      y: Math.round(placed.y - placed.height / 2),
    });
  }
  const routes = new Map<string, Point[]>();
  for (const edge of edges) {
    const points = (g.edge(edge.from.nodeId, edge.to.nodeId, edge.id) as { points?: Point[] }).points ?? [];
    // Only the bends between the ends: the ends are the ports, which dagre does not know.
    routes.set(
      edge.id,
      points.slice(1, -1).map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })),
    );
  }
  return { positions, routes };
}

/** The document with every card at its laid-out position. */
export function applyPositions(doc: TPlaybookDocument, positions: Map<string, Point>): TPlaybookDocument {
  return {
    ...doc,
    flow: {
      ...doc.flow,
      nodes: doc.flow.nodes.map((n) => {
        const at = positions.get(n.id);
        return at ? { ...n, ui: { ...n.ui, x: at.x, y: at.y } } : n;
      }),
    },
  };
}

/** Two boxes overlap (touching edges do not count). */
export function overlaps(a: Point & Size, b: Point & Size): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
