import { portsOf, type TPlaybookDocument, type TPlaybookNode } from '@charla/protocol';
import { connectPort, removeEdges, replaceNode } from './flow-mapping';

/** The port → target card choices of the card editor, read from the document. */
export function targetsOf(doc: TPlaybookDocument, nodeId: string): Record<string, string> {
  const targets: Record<string, string> = {};
  for (const edge of doc.flow.edges)
    if (edge.from.nodeId === nodeId) targets[edge.from.port] = edge.to.nodeId;
  return targets;
}

/**
 * The document with an edited card and its connections as chosen in the editor: what Apply
 * produces, and what the editor validates on blur.
 */
export function applyCardEdit(
  doc: TPlaybookDocument,
  draft: TPlaybookNode,
  targets: Record<string, string>,
): TPlaybookDocument {
  let next = replaceNode(doc, draft);
  for (const port of portsOf(draft)) {
    const target = targets[port.name] ?? '';
    const existing = next.flow.edges.find((e) => e.from.nodeId === draft.id && e.from.port === port.name);
    if (target === '' && existing) next = removeEdges(next, [existing.id]);
    else if (target !== '' && existing?.to.nodeId !== target)
      next = connectPort(next, { source: draft.id, sourceHandle: port.name, target });
  }
  return next;
}
