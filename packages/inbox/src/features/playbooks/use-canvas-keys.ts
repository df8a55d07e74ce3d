import { useCallback, type FocusEvent, type KeyboardEvent } from 'react';
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

/**
 * Keyboard navigation between the cards: arrows go to the nearest card that way, Home to the
 * start card, Enter opens the card's editor, N adds a connected card, ? shows the keys. A card
 * reached from the keyboard is selected (so Delete, copy and Shift+arrows act on it), and xyflow
 * scrolls it into view.
 */
export function useCanvasKeys(args: {
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
        const boxes: CardBox[] = flow.getNodes().map((n) => ({
          id: n.id,
          x: n.position.x,
          y: n.position.y,
          width: n.measured?.width ?? CARD_WIDTH,
          height: n.measured?.height ?? 120,
        }));
        const next = neighbourCard(boxes, id, action.direction);
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
      if (id && (event.target as HTMLElement).matches(':focus-visible')) select(id);
    },
    [select],
  );

  return { onKeyDownCapture, onFocusCapture };
}
