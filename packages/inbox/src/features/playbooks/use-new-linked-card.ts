import { useCallback, useState, type RefObject } from 'react';
import { useReactFlow, type FinalConnectionState, type InternalNode } from '@xyflow/react';
import type { TPlaybookDocument, TPlaybookNodeType } from '@charla/protocol';
import { spotBeside } from './card-navigation';
import { addConnectedNode, freePort, pickableTypes, type LinkStart } from './connected-card';
import type { CardNode } from './flow-mapping';
import { CARD_WIDTH } from './use-canvas-layout';

/** A card type being chosen for a link: where the menu shows (canvas pixels), where the card goes. */
export type PendingLink = {
  start: LinkStart;
  at: { x: number; y: number };
  position: { x: number; y: number };
  /** The card to give the focus back to when the menu is cancelled. */
  returnTo: string | null;
};

/** The canvas chrome a dropped link must not land on to count as "on empty canvas". */
const NOT_EMPTY =
  '.react-flow__node, .react-flow__edge, .react-flow__handle, .react-flow__panel, .react-flow__controls, .react-flow__minimap';

/**
 * Gives the keyboard focus to a card once it is drawn: a new card appears a frame or two later,
 * and xyflow keeps it hidden (unfocusable) until it has measured it.
 */
export function focusCard(nodeId: string, select?: (id: string) => void, tries = 30): void {
  const card = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  card?.focus();
  if (card && document.activeElement === card) select?.(nodeId);
  else if (tries > 0) requestAnimationFrame(() => focusCard(nodeId, select, tries - 1));
}

/**
 * "Drop a link on empty canvas to create and connect a card", and the same from the keyboard
 * ("N" on a card): a menu of card types opens there; the card picked is created and connected in
 * one edit (one undo step) and takes the focus; Escape cancels.
 */
export function useNewLinkedCard(args: {
  doc: TPlaybookDocument;
  onChange: (next: TPlaybookDocument) => void;
  select: (nodeId: string) => void;
  canvasRef: RefObject<HTMLDivElement | null>;
}) {
  const { doc, onChange, select, canvasRef } = args;
  const flow = useReactFlow<CardNode>();
  const [pending, setPending] = useState<PendingLink | null>(null);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState<InternalNode>) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const target = event.target instanceof Element ? event.target : null;
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!target?.closest('.react-flow') || target.closest(NOT_EMPTY) || !rect) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const start: LinkStart = {
        nodeId: state.fromNode.id,
        handleId: state.fromHandle.id ?? null,
        handleType: state.fromHandle.type,
      };
      const drop = flow.screenToFlowPosition({ x: point.clientX, y: point.clientY });
      setPending({
        start,
        at: { x: point.clientX - rect.left, y: point.clientY - rect.top },
        position: { x: start.handleType === 'source' ? drop.x : drop.x - CARD_WIDTH, y: drop.y - 40 },
        returnTo: null,
      });
    },
    [flow, canvasRef],
  );

  /** Opens the menu beside a card, for its first free exit; false when the card has no exit. */
  const openBeside = useCallback(
    (nodeId: string): boolean => {
      const node = flow.getNode(nodeId);
      const port = freePort(doc, nodeId);
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!node || !port || !rect) return false;
      const boxes = flow.getNodes().map((n) => ({
        id: n.id,
        ...n.position,
        width: n.measured?.width ?? CARD_WIDTH,
        height: n.measured?.height ?? 120,
      }));
      const position = spotBeside(boxes, nodeId, { width: CARD_WIDTH, height: 140 });
      const screen = flow.flowToScreenPosition(position);
      setPending({
        start: { nodeId, handleId: port, handleType: 'source' },
        at: { x: screen.x - rect.left, y: screen.y - rect.top },
        position,
        returnTo: nodeId,
      });
      return true;
    },
    [flow, doc, canvasRef],
  );

  const cancel = useCallback(() => {
    setPending((open) => {
      if (open?.returnTo) focusCard(open.returnTo);
      return null;
    });
  }, []);

  const pick = (type: TPlaybookNodeType) => {
    if (!pending) return;
    setPending(null);
    const result = addConnectedNode(doc, type, pending.position, pending.start);
    if (!result.nodeId) return;
    onChange(result.doc);
    focusCard(result.nodeId, select);
  };

  return {
    pending,
    types: pending ? pickableTypes(pending.start) : [],
    onConnectEnd,
    openBeside,
    cancel,
    pick,
  };
}
