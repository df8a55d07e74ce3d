import { LIVE_CHAT_WAIT_SECONDS } from '../playbook.schema';
import type { TFinding } from '../playbook-findings';
import { isRichTextEmpty } from '../playbook-text';
import { isForwardEdge, nodePath, type TRuleContext } from './rule-context';

/** Rule 11: waiting time in [15, 600] seconds, non-empty messages, `offline` connected. */
export function liveChatFieldFindings(ctx: TRuleContext): TFinding[] {
  const findings: TFinding[] = [];
  ctx.doc.flow.nodes.forEach((node, i) => {
    if (node.type !== 'live_chat') return;
    const path = ['flow', 'nodes', String(i)];
    if (node.waitSeconds < LIVE_CHAT_WAIT_SECONDS.min || node.waitSeconds > LIVE_CHAT_WAIT_SECONDS.max) {
      findings.push({
        code: 'LIVECHAT_WAIT_OUT_OF_RANGE',
        severity: 'error',
        nodeId: node.id,
        path: [...path, 'waitSeconds'],
        message: `The waiting time must be between ${LIVE_CHAT_WAIT_SECONDS.min} and ${LIVE_CHAT_WAIT_SECONDS.max} seconds.`,
      });
    }
    for (const field of ['onlineMessage', 'offlineMessage'] as const) {
      if (!isRichTextEmpty(node[field])) continue;
      findings.push({
        code: 'LIVECHAT_MESSAGE_EMPTY',
        severity: 'error',
        nodeId: node.id,
        path: [...path, field],
        message: `The ${field === 'onlineMessage' ? 'online' : 'offline'} message is empty.`,
      });
    }
  });
  for (const id of ctx.graph.nodeIds) {
    const node = ctx.graph.nodes.get(id);
    if (node?.type !== 'live_chat' || (ctx.graph.unconnected.get(id) ?? []).length === 0) continue;
    findings.push({
      code: 'LIVECHAT_OFFLINE_UNCONNECTED',
      severity: 'error',
      nodeId: id,
      port: 'offline',
      path: nodePath(ctx, id),
      message: 'The offline path of the live chat card is not connected.',
    });
  }
  return findings;
}

/**
 * Rule 10: at most one live chat card per pathway. For each reachable card, the most live chat
 * cards on any path to it (excluding itself) with a witness path; a live chat card with one or
 * more before it is reported with that path. Different pathways may each have their own.
 */
export function liveChatPerPathFindings(ctx: TRuleContext): TFinding[] {
  const best = new Map<string, { count: number; prev: string | null }>();
  const startId = ctx.doc.flow.startNodeId;
  if (!ctx.hasStart) return [];
  best.set(startId, { count: 0, prev: null });
  for (const id of ctx.topoOrder) {
    const here = best.get(id);
    if (!here) continue;
    const count = here.count + (ctx.graph.nodes.get(id)?.type === 'live_chat' ? 1 : 0);
    for (const { to } of ctx.graph.outgoing.get(id) ?? []) {
      if (!isForwardEdge(ctx, id, to)) continue;
      const there = best.get(to);
      if (!there || count > there.count) best.set(to, { count, prev: id });
    }
  }
  const findings: TFinding[] = [];
  for (const id of ctx.topoOrder) {
    if (ctx.graph.nodes.get(id)?.type !== 'live_chat' || (best.get(id)?.count ?? 0) < 1) continue;
    const path: string[] = [];
    for (let at: string | null = id; at !== null; at = best.get(at)?.prev ?? null) path.unshift(at);
    findings.push({
      code: 'LIVECHAT_MULTIPLE_IN_PATH',
      severity: 'error',
      nodeId: id,
      path,
      message: `A pathway can hold only one live chat card: ${path.join(' → ')}.`,
    });
  }
  return findings;
}
