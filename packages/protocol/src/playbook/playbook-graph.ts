import type { TPlaybookEdge, TPlaybookFlow, TPlaybookNode } from './playbook.schema';
import { portsOf, type TPortSpec } from './ports';

// Private: the graph as the validator and the runtime see it. Only edges that leave an existing
// node through one of its ports (first edge per port) into an existing node take part.

export type TEdgeProblem = 'unknown_from' | 'unknown_to' | 'unknown_port' | 'from_end' | 'port_taken';

export type TOutgoing = { port: TPortSpec; edgeId: string; to: string };

export type TPlaybookGraph = {
  /** First node with each id. */
  nodes: Map<string, TPlaybookNode>;
  /** Unique node ids in document order. */
  nodeIds: string[];
  /** Connected ports of a node, in port-table order. */
  outgoing: Map<string, TOutgoing[]>;
  /** Unconnected required ports of a node, in port-table order. */
  unconnected: Map<string, TPortSpec[]>;
  /** Edges that take no part, with the reason, in document order. */
  edgeProblems: { edge: TPlaybookEdge; problem: TEdgeProblem }[];
};

/** Builds the port-level graph of a flow. */
export function buildPlaybookGraph(flow: TPlaybookFlow): TPlaybookGraph {
  const nodes = new Map<string, TPlaybookNode>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const nodeIds = [...nodes.keys()];

  const byPort = new Map<string, Map<string, TPlaybookEdge>>();
  const edgeProblems: TPlaybookGraph['edgeProblems'] = [];
  for (const edge of flow.edges) {
    const from = nodes.get(edge.from.nodeId);
    if (!from) {
      edgeProblems.push({ edge, problem: 'unknown_from' });
      continue;
    }
    if (from.type === 'end') {
      edgeProblems.push({ edge, problem: 'from_end' });
      continue;
    }
    if (!portsOf(from).some((p) => p.name === edge.from.port)) {
      edgeProblems.push({ edge, problem: 'unknown_port' });
      continue;
    }
    if (!nodes.has(edge.to.nodeId)) {
      edgeProblems.push({ edge, problem: 'unknown_to' });
      continue;
    }
    const ports = byPort.get(from.id) ?? new Map<string, TPlaybookEdge>();
    byPort.set(from.id, ports);
    if (ports.has(edge.from.port)) {
      edgeProblems.push({ edge, problem: 'port_taken' });
      continue;
    }
    ports.set(edge.from.port, edge);
  }

  const outgoing = new Map<string, TOutgoing[]>();
  const unconnected = new Map<string, TPortSpec[]>();
  for (const [id, node] of nodes) {
    const out: TOutgoing[] = [];
    const missing: TPortSpec[] = [];
    for (const port of portsOf(node)) {
      const edge = byPort.get(id)?.get(port.name);
      if (edge) out.push({ port, edgeId: edge.id, to: edge.to.nodeId });
      else if (port.required) missing.push(port);
    }
    outgoing.set(id, out);
    unconnected.set(id, missing);
  }
  return { nodes, nodeIds, outgoing, unconnected, edgeProblems };
}

/** The node a port leads to, or null when the port is not connected. */
export function targetOf(graph: TPlaybookGraph, nodeId: string, port: string): string | null {
  return graph.outgoing.get(nodeId)?.find((o) => o.port.name === port)?.to ?? null;
}

/** Node ids reachable from `startId` (breadth-first, in visit order). */
export function reachableFrom(graph: TPlaybookGraph, startId: string): string[] {
  if (!graph.nodes.has(startId)) return [];
  const seen = new Set<string>([startId]);
  const queue = [startId];
  for (let i = 0; i < queue.length; i++) {
    for (const { to } of graph.outgoing.get(queue[i] ?? '') ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return queue;
}

export type TDfsResult = {
  /** Reverse post-order over the given roots, ignoring back edges: a topological order of the DAG part. */
  topoOrder: string[];
  /** Edges that close a cycle, each with the cycle as node ids (first id repeated at the end). */
  backEdges: { edgeId: string; from: string; to: string; cycle: string[] }[];
};

/** Depth-first search with colours from each root in turn (iterative, deterministic). */
export function depthFirst(graph: TPlaybookGraph, roots: string[]): TDfsResult {
  const colour = new Map<string, 'grey' | 'black'>();
  const postOrder: string[] = [];
  const backEdges: TDfsResult['backEdges'] = [];
  for (const root of roots) {
    if (colour.has(root) || !graph.nodes.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    colour.set(root, 'grey');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const out = graph.outgoing.get(frame.id) ?? [];
      const edge = out[frame.next];
      if (!edge) {
        colour.set(frame.id, 'black');
        postOrder.push(frame.id);
        stack.pop();
        continue;
      }
      frame.next++;
      const state = colour.get(edge.to);
      if (state === undefined) {
        colour.set(edge.to, 'grey');
        stack.push({ id: edge.to, next: 0 });
      } else if (state === 'grey') {
        const from = stack.findIndex((f) => f.id === edge.to);
        const cycle = [...stack.slice(from).map((f) => f.id), edge.to];
        backEdges.push({ edgeId: edge.edgeId, from: frame.id, to: edge.to, cycle });
      }
    }
  }
  return { topoOrder: postOrder.reverse(), backEdges };
}
