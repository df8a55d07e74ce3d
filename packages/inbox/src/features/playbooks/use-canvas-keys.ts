import { useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { cardKeyAction, neighbourCard, type CardBox } from './card-navigation';
import type { CardActions } from './card-node';
import type { CardNode } from './flow-mapping';
import { CARD_WIDTH } from './use-canvas-layout';
import { focusCard } from './use-new-linked-card';

/** The card a key or focus event happened on (the card itself, not a button inside it). */
function cardOf(target: EventTarget): string | null {
  return target instanceof HTMLElement && target.classList.contains('react-flow__node')
    ? (target.dataset.id ?? null)
    : null;
}

function boxesOf(nodes: readonly CardNode[]): CardBox[] {
  return nodes.map((n) => ({
    id: n.id,
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? CARD_WIDTH,
    height: n.measured?.height ?? 120,
  }));
}

/** The card nearest to `box` (centre to centre), for the focus of a card that was deleted. */
function nearest(boxes: readonly CardBox[], box: CardBox): string | null {
  const centre = (b: CardBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const from = centre(box);
  let best: { id: string; d: number } | null = null;
  for (const b of boxes) {
    const c = centre(b);
    const d = Math.hypot(c.x - from.x, c.y - from.y);
    if (!best || d < best.d) best = { id: b.id, d };
  }
  return best?.id ?? null;
}

/**
 * When the card with the keyboard focus goes (deleted, or undone), the focus moves to the card
 * nearest to where it was instead of falling out of the canvas.
 */
function useFocusSurvivesDelete(nodes: readonly CardNode[]) {
  const last = useRef<CardBox | null>(null);
  useEffect(() => {
    const gone = last.current;
    if (!gone || nodes.some((n) => n.id === gone.id)) return;
    last.current = null;
    // xyflow may still draw the card this frame: it can hold the focus a moment longer.
    const active = document.activeElement;
    const stillOnIt = active instanceof HTMLElement && cardOf(active) === gone.id;
    if (active && active !== document.body && !stillOnIt) return;
    const next = nearest(boxesOf(nodes), gone);
    if (next) focusCard(next);
  }, [nodes]);
  return (nodeId: string) => {
    last.current = boxesOf(nodes).find((b) => b.id === nodeId) ?? null;
  };
}

/**
 * Keyboard navigation between the cards: arrows go to the nearest card that way, Home to the
 * start card, Enter opens the card's editor, N adds a connected card, ? shows the keys. A card
 * reached from the keyboard is selected (so Delete, copy and Shift+arrows act on it), and xyflow
 * scrolls it into view.
 */
export function useCanvasKeys(args: {
  nodes: readonly CardNode[];
  startNodeId: string;
  actions: CardActions;
  select: (nodeId: string) => void;
  addConnected: (nodeId: string) => boolean;
  showHelp: () => void;
  announce: (message: string) => void;
  noExitMessage: string;
}) {
  const { startNodeId, actions, select, addConnected, showHelp, announce, noExitMessage } = args;
  const flow = useReactFlow<CardNode>();
  const remember = useFocusSurvivesDelete(args.nodes);

  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent) => {
      const id = cardOf(event.target);
      const action = id ? cardKeyAction(event) : null;
      if (!id || !action) return;
      event.preventDefault();
      event.stopPropagation();
      if (action.kind === 'edit') actions.edit(id);
      else if (action.kind === 'help') showHelp();
      else if (action.kind === 'start') focusCard(startNodeId);
      else if (action.kind === 'add-connected') {
        if (!addConnected(id)) announce(noExitMessage);
      } else {
        const next = neighbourCard(boxesOf(flow.getNodes()), id, action.direction);
        if (next) focusCard(next);
      }
    },
    [actions, addConnected, announce, flow, noExitMessage, showHelp, startNodeId],
  );

  // Focus from the keyboard (Tab, arrows) selects the card; a pointer's focus leaves selecting
  // to xyflow's click (Shift+click adds to the selection).
  const onFocusCapture = useCallback(
    (event: FocusEvent) => {
      const id = cardOf(event.target);
      if (id) remember(id);
      if (id && (event.target as HTMLElement).matches(':focus-visible')) select(id);
    },
    [select, remember],
  );

  return { onKeyDownCapture, onFocusCapture };
}
