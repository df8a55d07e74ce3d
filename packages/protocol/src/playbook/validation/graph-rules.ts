import type { TFinding } from '../playbook-findings';
import { nodePath, type TRuleContext } from './rule-context';

const START_TYPES = new Set(['message', 'question']);

/** Rule 4: the start card exists and is a message or a question. */
export function startNodeFindings(ctx: TRuleContext): TFinding[] {
  const startId = ctx.doc.flow.startNodeId;
  const start = ctx.graph.nodes.get(startId);
  if (!start) {
    return [
      {
        code: 'START_NODE_MISSING',
        severity: 'error',
        path: ['flow', 'startNodeId'],
        message: `The start card "${startId}" does not exist.`,
      },
    ];
  }
  if (START_TYPES.has(start.type)) return [];
  return [
    {
      code: 'START_NODE_INVALID',
      severity: 'error',
      nodeId: startId,
      path: ['flow', 'startNodeId'],
      message: `A playbook must start with a message or a question, not a ${start.type.replace('_', ' ')} card.`,
    },
  ];
}

/** Rules 5–6: edges join existing cards through real ports, one edge per port, none out of an end. */
export function edgeFindings(ctx: TRuleContext): TFinding[] {
  return ctx.graph.edgeProblems.map(({ edge, problem }): TFinding => {
    const base = {
      severity: 'error' as const,
      edgeId: edge.id,
      path: ['flow', 'edges', String(ctx.doc.flow.edges.indexOf(edge))],
    };
    const fromId = edge.from.nodeId;
    switch (problem) {
      case 'unknown_from':
        return {
          ...base,
          code: 'EDGE_UNKNOWN_NODE',
          message: `The connection starts at a missing card "${fromId}".`,
        };
      case 'unknown_to':
        return {
          ...base,
          code: 'EDGE_UNKNOWN_NODE',
          nodeId: fromId,
          message: `The connection leads to a missing card "${edge.to.nodeId}".`,
        };
      case 'unknown_port':
        return {
          ...base,
          code: 'EDGE_UNKNOWN_PORT',
          nodeId: fromId,
          port: edge.from.port,
          message: `The card "${fromId}" has no exit "${edge.from.port}".`,
        };
      case 'from_end':
        return {
          ...base,
          code: 'END_HAS_EDGES',
          nodeId: fromId,
          message: 'An end card cannot lead anywhere.',
        };
      case 'port_taken':
        return {
          ...base,
          code: 'PORT_MULTIPLE_EDGES',
          nodeId: fromId,
          port: edge.from.port,
          message: `The exit "${edge.from.port}" of "${fromId}" already has a connection.`,
        };
    }
  });
}

/** Rule 6: every required port has a connection (live chat `offline` and condition `otherwise` have their own rules). */
export function unconnectedPortFindings(ctx: TRuleContext): TFinding[] {
  const findings: TFinding[] = [];
  for (const id of ctx.graph.nodeIds) {
    const node = ctx.graph.nodes.get(id);
    if (!node || node.type === 'live_chat') continue;
    for (const port of ctx.graph.unconnected.get(id) ?? []) {
      if (port.kind === 'otherwise') continue; // rule 20 reports it
      findings.push({
        code: 'PORT_UNCONNECTED',
        severity: 'error',
        nodeId: id,
        port: port.name,
        path: nodePath(ctx, id),
        message: `The exit "${port.label}" is not connected to a card.`,
      });
    }
  }
  return findings;
}

/** Rule 7: every card can be reached from the start. */
export function unreachableFindings(ctx: TRuleContext): TFinding[] {
  if (!ctx.hasStart) return [];
  return ctx.graph.nodeIds
    .filter((id) => !ctx.reachable.has(id))
    .map((id) => ({
      code: 'NODE_UNREACHABLE' as const,
      severity: 'error' as const,
      nodeId: id,
      path: nodePath(ctx, id),
      message: 'No path from the start card leads here.',
    }));
}

/** Rule 8: the flow has no cycles; each one is reported once with its path. */
export function cycleFindings(ctx: TRuleContext): TFinding[] {
  return ctx.dfs.backEdges.map((back) => ({
    code: 'CYCLE_DETECTED' as const,
    severity: 'error' as const,
    nodeId: back.to,
    edgeId: back.edgeId,
    path: back.cycle,
    message: `The flow loops: ${back.cycle.join(' → ')}.`,
  }));
}

/**
 * Which cards can only lead to an end: an end card, or a card whose required ports are all
 * connected and whose every connected exit can terminate (least fixpoint, so cycles never do).
 * A live chat terminates when its offline branch does; its online branch is a hand-off.
 */
export function terminatingNodes(ctx: TRuleContext): Set<string> {
  const done = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of ctx.graph.nodeIds) {
      if (done.has(id)) continue;
      const node = ctx.graph.nodes.get(id);
      const ok =
        node?.type === 'end' ||
        ((ctx.graph.unconnected.get(id) ?? []).length === 0 &&
          (ctx.graph.outgoing.get(id) ?? []).every((o) => done.has(o.to)));
      if (ok) {
        done.add(id);
        changed = true;
      }
    }
  }
  return done;
}

/** Rule 9: every branch from a reachable card ends at an end card (or a live chat hand-off). */
export function neverEndsFindings(ctx: TRuleContext): TFinding[] {
  const terminates = terminatingNodes(ctx);
  return ctx.graph.nodeIds
    .filter((id) => ctx.reachable.has(id) && !terminates.has(id))
    .map((id) => ({
      code: 'BRANCH_NEVER_ENDS' as const,
      severity: 'error' as const,
      nodeId: id,
      path: nodePath(ctx, id),
      message: 'Some path from this card never reaches an end card.',
    }));
}
