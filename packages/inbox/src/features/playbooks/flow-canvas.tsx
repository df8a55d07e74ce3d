import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  ReactFlow,
  useReactFlow,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { TFinding, TPlaybookDocument } from '@charla/protocol';
import { CanvasChrome } from './canvas-chrome';
import { CanvasKeysHelp } from './canvas-keys-help';
import { CardActionsContext, CardNodeView, type CardActions } from './card-node';
import { useCanvasLabels } from './canvas-labels';
import { connectPort, moveNode, removeEdges, toFlowEdges, toFlowNodes, type CardNode } from './flow-mapping';
import { RoutedEdgeView } from './routed-edge';
import { CardTypePicker } from './card-type-picker';
import { useCanvasKeys } from './use-canvas-keys';
import { CARD_WIDTH, FIT_OPTIONS, MIN_ZOOM, useCanvasLayout } from './use-canvas-layout';
import { useNewLinkedCard } from './use-new-linked-card';

const nodeTypes = { card: CardNodeView };
const edgeTypes = { routed: RoutedEdgeView };

/** A card to select and centre (from the findings panel); `seq` makes a repeat pick count. */
export type CanvasFocus = { nodeId: string; seq: number };

type Props = {
  doc: TPlaybookDocument;
  findings: TFinding[];
  onChange: (next: TPlaybookDocument) => void;
  /** The first automatic layout of cards never placed: not an edit of the admin's. */
  onLayout: (next: TPlaybookDocument) => void;
  actions: CardActions;
  focus: CanvasFocus | null;
  /** The selected cards, for copy and paste. */
  onSelect?: (nodeIds: string[]) => void;
};

/**
 * The flow editor canvas. The document stays the source of truth: xyflow keeps only what it
 * measures (sizes, selection), and every change that means something goes back through
 * flow-mapping into a new document.
 */
export function FlowCanvas(props: Props) {
  // The editor page provides the xyflow store (it places new cards where the canvas looks).
  return <FlowCanvasInner {...props} />;
}

/** Keeps what xyflow measured and selected when the document changes underneath. */
function useCanvasState(doc: TPlaybookDocument, findings: TFinding[]) {
  const { ariaLabelConfig, nameEdges, nameNodes } = useCanvasLabels(doc);
  const projected = useMemo(() => nameNodes(toFlowNodes(doc, findings)), [doc, findings, nameNodes]);
  const projectedEdges = useMemo(() => nameEdges(toFlowEdges(doc, findings)), [doc, findings, nameEdges]);
  const [nodes, setNodes] = useState<CardNode[]>(projected);
  const [edges, setEdges] = useState<Edge[]>(projectedEdges);
  useEffect(() => {
    setNodes((previous) => {
      const old = new Map(previous.map((n) => [n.id, n]));
      return projected.map((n) => {
        const before = old.get(n.id);
        return before
          ? { ...n, measured: before.measured, selected: before.selected, dragging: before.dragging }
          : n;
      });
    });
  }, [projected]);
  useEffect(() => {
    setEdges((previous) => {
      const old = new Map(previous.map((e) => [e.id, e]));
      return projectedEdges.map((e) => ({ ...e, selected: old.get(e.id)?.selected }));
    });
  }, [projectedEdges]);
  return { nodes, setNodes, edges, setEdges, ariaLabelConfig };
}

/** Selects one card (keyboard focus, a finding picked) and centres a finding's card. */
function useCardSelection(
  focus: CanvasFocus | null,
  setNodes: (update: (nodes: CardNode[]) => CardNode[]) => void,
  onSelect?: (nodeIds: string[]) => void,
) {
  const flow = useReactFlow();
  const select = useCallback(
    (nodeId: string) => setNodes((current) => current.map((n) => ({ ...n, selected: n.id === nodeId }))),
    [setNodes],
  );
  useEffect(() => {
    if (!focus) return;
    select(focus.nodeId);
    const node = flow.getNode(focus.nodeId);
    if (!node) return;
    const width = node.measured?.width ?? CARD_WIDTH;
    const height = node.measured?.height ?? 120;
    void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
      zoom: Math.max(flow.getZoom(), 1),
    });
  }, [focus]);

  // Stable, and only news when the selected cards change: xyflow calls it on every change.
  const selectedKey = useRef('');
  const onSelectionChange = useCallback(
    ({ nodes: picked }: { nodes: { id: string }[] }) => {
      const ids = picked.map((n) => n.id);
      if (ids.join('\n') === selectedKey.current) return;
      selectedKey.current = ids.join('\n');
      onSelect?.(ids);
    },
    [onSelect],
  );
  return { select, onSelectionChange };
}

/** The canvas's gestures as document edits: moves, deletions (asked first), removed links. */
function useCanvasEdits(
  { doc, onChange, actions }: Pick<Props, 'doc' | 'onChange' | 'actions'>,
  state: ReturnType<typeof useCanvasState>,
) {
  const onNodesChange = (changes: NodeChange<CardNode>[]) => {
    state.setNodes((current) => applyNodeChanges(changes, current));
    let next = doc;
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging === false)
        next = moveNode(next, change.id, change.position.x, change.position.y);
    }
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length > 0) {
      removed.forEach((id) => actions.remove(id));
      return;
    }
    if (next !== doc) onChange(next);
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    state.setEdges((current) => applyEdgeChanges(changes, current));
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length > 0) onChange(removeEdges(doc, removed));
  };
  return { onNodesChange, onEdgesChange };
}

function FlowCanvasInner({ doc, findings, onChange, onLayout, actions, focus, onSelect }: Props) {
  const { t } = useTranslation();
  const state = useCanvasState(doc, findings);
  const { nodes, edges, setNodes, ariaLabelConfig } = state;
  const { tidyUp, route } = useCanvasLayout({ doc, nodes, onChange, onLayout });
  const { select, onSelectionChange } = useCardSelection(focus, setNodes, onSelect);
  const { onNodesChange, onEdgesChange } = useCanvasEdits({ doc, onChange, actions }, state);
  const canvasRef = useRef<HTMLDivElement>(null);
  const [keysOpen, setKeysOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const linked = useNewLinkedCard({ doc, onChange, select, canvasRef });
  const keys = useCanvasKeys({
    nodes,
    startNodeId: doc.flow.startNodeId,
    actions,
    select,
    addConnected: linked.openBeside,
    showHelp: () => setKeysOpen(true),
    announce: setAnnouncement,
    noExitMessage: t('playbooks.keys.noExit'),
  });

  const routedEdges = useMemo(
    () => route(edges, new Map(nodes.map((n) => [n.id, n.position]))),
    [edges, nodes, route],
  );
  const bounds = canvasRef.current?.getBoundingClientRect() ?? { width: 0, height: 0 };

  return (
    <CardActionsContext.Provider value={actions}>
      <div
        className="pb-canvas"
        data-testid="flow-canvas"
        ref={canvasRef}
        onKeyDownCapture={keys.onKeyDownCapture}
        onFocusCapture={keys.onFocusCapture}
      >
        <ReactFlow
          nodes={nodes}
          edges={routedEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={(connection) => onChange(connectPort(doc, connection))}
          onConnectEnd={linked.onConnectEnd}
          onSelectionChange={onSelectionChange}
          isValidConnection={(c) => c.source !== c.target}
          fitViewOptions={FIT_OPTIONS}
          minZoom={MIN_ZOOM}
          maxZoom={1.5}
          deleteKeyCode={['Delete', 'Backspace']}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background gap={20} size={1} color="#d7dbe3" />
          <CanvasChrome onTidyUp={tidyUp} onKeys={() => setKeysOpen(true)} />
        </ReactFlow>
        {linked.pending && (
          <CardTypePicker
            at={linked.pending.at}
            bounds={bounds}
            types={linked.types}
            onPick={linked.pick}
            onCancel={linked.cancel}
          />
        )}
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
      <CanvasKeysHelp open={keysOpen} onClose={() => setKeysOpen(false)} />
    </CardActionsContext.Provider>
  );
}
