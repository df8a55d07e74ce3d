import type { TPlaybookDocument, TPlaybookEdge, TPlaybookNode } from '@charla/protocol';

// Copy and paste of cards in the flow editor: pure, so the editor's undo history holds a paste
// like any other edit. Copied cards keep the links between them; links to cards left behind are
// dropped, as the pasted cards are new ones.

export type CardClipboard = { nodes: TPlaybookNode[]; edges: TPlaybookEdge[] };

/** How far pasted cards land from the originals. */
export const PASTE_OFFSET = 40;

/** The cards `nodeIds` and the links among them, or null when none of them exists. */
export function copyCards(doc: TPlaybookDocument, nodeIds: readonly string[]): CardClipboard | null {
  const ids = new Set(nodeIds);
  const nodes = doc.flow.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.flow.edges.filter((e) => ids.has(e.from.nodeId) && ids.has(e.to.nodeId));
  return structuredClone({ nodes, edges });
}

function freeId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}_${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The document with copies of the clipboard's cards (new ids, shifted), and the new ids. */
export function pasteCards(
  doc: TPlaybookDocument,
  clipboard: CardClipboard,
): { doc: TPlaybookDocument; nodeIds: string[] } {
  const takenNodes = new Set(doc.flow.nodes.map((n) => n.id));
  const takenEdges = new Set(doc.flow.edges.map((e) => e.id));
  const newId = new Map(clipboard.nodes.map((n) => [n.id, freeId(n.type, takenNodes)]));
  const nodes = clipboard.nodes.map((n, i) => ({
    ...structuredClone(n),
    id: newId.get(n.id) ?? n.id,
    ui: {
      x: (n.ui?.x ?? 0) + PASTE_OFFSET,
      y: (n.ui?.y ?? i * PASTE_OFFSET) + PASTE_OFFSET,
    },
  }));
  const edges = clipboard.edges.map((e) => ({
    id: freeId('e', takenEdges),
    from: { nodeId: newId.get(e.from.nodeId) ?? e.from.nodeId, port: e.from.port },
    to: { nodeId: newId.get(e.to.nodeId) ?? e.to.nodeId },
  }));
  return {
    doc: {
      ...doc,
      flow: { ...doc.flow, nodes: [...doc.flow.nodes, ...nodes], edges: [...doc.flow.edges, ...edges] },
    },
    nodeIds: nodes.map((n) => n.id),
  };
}

/** The clipboard action a key press asks for (Ctrl/⌘+C, Ctrl/⌘+V). */
export function clipboardKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'copy' | 'paste' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  return key === 'c' ? 'copy' : key === 'v' ? 'paste' : null;
}
