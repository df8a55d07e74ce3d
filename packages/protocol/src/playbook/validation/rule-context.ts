import type { TPlaybookDocument, TVariableType } from '../playbook.schema';
import {
  buildPlaybookGraph,
  depthFirst,
  reachableFrom,
  type TDfsResult,
  type TPlaybookGraph,
} from '../playbook-graph';
import { declaredVariableTypes } from '../system-variables';

/** What every validation rule reads, computed once per run. */
export type TRuleContext = {
  doc: TPlaybookDocument;
  graph: TPlaybookGraph;
  /** Whether `startNodeId` names a node. */
  hasStart: boolean;
  /** Node ids reachable from the start, in BFS order (empty without a start). */
  reachable: Set<string>;
  /** Topological order of the nodes reachable from the start, back edges ignored. */
  topoOrder: string[];
  /** Position of each reachable node in `topoOrder`. */
  topoIndex: Map<string, number>;
  /** DFS over the start and then every other node, for cycle reports. */
  dfs: TDfsResult;
  declared: Map<string, TVariableType>;
  /** Document index of the first node with each id. */
  nodeIndex: Map<string, number>;
};

/** Builds the shared context of the graph-level rules. */
export function buildRuleContext(doc: TPlaybookDocument): TRuleContext {
  const graph = buildPlaybookGraph(doc.flow);
  const start = doc.flow.startNodeId;
  const hasStart = graph.nodes.has(start);
  const reachable = new Set(reachableFrom(graph, start));
  const topoOrder = hasStart ? depthFirst(graph, [start]).topoOrder : [];
  const topoIndex = new Map(topoOrder.map((id, i) => [id, i]));
  const dfs = depthFirst(graph, hasStart ? [start, ...graph.nodeIds] : graph.nodeIds);
  const nodeIndex = new Map<string, number>();
  doc.flow.nodes.forEach((node, i) => {
    if (!nodeIndex.has(node.id)) nodeIndex.set(node.id, i);
  });
  return {
    doc,
    graph,
    hasStart,
    reachable,
    topoOrder,
    topoIndex,
    dfs,
    declared: declaredVariableTypes(doc),
    nodeIndex,
  };
}

/** JSON path of the node with `nodeId`, optionally into one of its fields. */
export function nodePath(ctx: TRuleContext, nodeId: string, ...field: string[]): string[] {
  return ['flow', 'nodes', String(ctx.nodeIndex.get(nodeId) ?? -1), ...field];
}

/** True for an edge that goes forward in the topological order (so not a back edge). */
export function isForwardEdge(ctx: TRuleContext, from: string, to: string): boolean {
  const a = ctx.topoIndex.get(from);
  const b = ctx.topoIndex.get(to);
  return a !== undefined && b !== undefined && b > a;
}
