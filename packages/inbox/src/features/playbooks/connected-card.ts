import { portsOf, type TPlaybookDocument, type TPlaybookNodeType } from '@charla/protocol';
import { addNode, connectPort } from './flow-mapping';

// A link dropped on empty canvas (or "N" on a card) creates a card there and connects it: from
// a card's exit the new card is the target; from a card's entry the new card's first exit leads
// to it. One document change, so one undo step.

/** Where a link being created starts: a card's exit (source) or its entry (target). */
export type LinkStart = { nodeId: string; handleId: string | null; handleType: 'source' | 'target' };

export const CARD_TYPES: readonly TPlaybookNodeType[] = [
  'message',
  'question',
  'capture',
  'condition',
  'set_variable',
  'http_request',
  'wait',
  'live_chat',
  'end',
];

/** The card types that can be created at the end of this link: only cards with an exit lead in. */
export function pickableTypes(start: LinkStart): TPlaybookNodeType[] {
  return start.handleType === 'source' ? [...CARD_TYPES] : CARD_TYPES.filter((type) => type !== 'end');
}

/** The first exit of a card that leads nowhere yet (else its first exit; null for an End card). */
export function freePort(doc: TPlaybookDocument, nodeId: string): string | null {
  const node = doc.flow.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  const ports = portsOf(node).map((p) => p.name);
  const used = new Set(doc.flow.edges.filter((e) => e.from.nodeId === nodeId).map((e) => e.from.port));
  return ports.find((p) => !used.has(p)) ?? ports[0] ?? null;
}

/**
 * Adds a card of `type` at `position` (flow coordinates, its top-left corner) connected to the
 * start of the link. Returns the document unchanged (and a null id) when the link cannot be made.
 */
export function addConnectedNode(
  doc: TPlaybookDocument,
  type: TPlaybookNodeType,
  position: { x: number; y: number },
  start: LinkStart,
): { doc: TPlaybookDocument; nodeId: string | null } {
  const from = doc.flow.nodes.find((n) => n.id === start.nodeId);
  if (!from || !pickableTypes(start).includes(type)) return { doc, nodeId: null };
  if (start.handleType === 'source' && !portsOf(from).some((p) => p.name === start.handleId))
    return { doc, nodeId: null };
  const added = addNode(doc, type, position);
  const created = added.doc.flow.nodes.find((n) => n.id === added.nodeId);
  const connection =
    start.handleType === 'source'
      ? { source: start.nodeId, sourceHandle: start.handleId, target: added.nodeId }
      : {
          source: added.nodeId,
          sourceHandle: created ? (portsOf(created)[0]?.name ?? null) : null,
          target: start.nodeId,
        };
  const connected = connectPort(added.doc, connection);
  return connected === added.doc ? { doc, nodeId: null } : { doc: connected, nodeId: added.nodeId };
}
