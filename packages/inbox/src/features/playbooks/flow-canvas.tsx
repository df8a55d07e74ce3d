import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { TFinding, TPlaybookDocument } from '@charla/protocol';
import { useMediaQuery } from '../../lib/use-media-query';
import { AdminIcon } from './admin-icons';
import { CardActionsContext, CardNodeView, type CardActions } from './card-node';
import { useCanvasLabels } from './canvas-labels';
import { connectPort, moveNode, removeEdges, toFlowEdges, toFlowNodes, type CardNode } from './flow-mapping';
import { RoutedEdgeView } from './routed-edge';
import { CARD_WIDTH, FIT_OPTIONS, useCanvasLayout } from './use-canvas-layout';

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
  const projected = useMemo(() => toFlowNodes(doc, findings), [doc, findings]);
  const { ariaLabelConfig, nameEdges } = useCanvasLabels(doc);
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

/** Tidy up, the zoom controls and the minimap, which can be hidden. */
function CanvasChrome({ onTidyUp }: { onTidyUp: () => void }) {
  const { t } = useTranslation();
  // The minimap is for wide screens: on a phone it would cover the canvas, so it is not offered.
  const small = useMediaQuery('(max-width: 767px)');
  const [minimap, setMinimap] = useState(true);
  return (
    <>
      <Panel position="top-left" className="pb-canvas__tools">
        <button type="button" className="btn btn--sm" onClick={onTidyUp} data-testid="tidy-up">
          <AdminIcon name="layout" size={14} /> {t('playbooks.layout.tidyUp')}
        </button>
      </Panel>
      <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS}>
        {!small && (
          <ControlButton
            onClick={() => setMinimap((on) => !on)}
            aria-pressed={minimap}
            aria-label={minimap ? t('playbooks.layout.hideMap') : t('playbooks.layout.showMap')}
            title={minimap ? t('playbooks.layout.hideMap') : t('playbooks.layout.showMap')}
            data-testid="toggle-minimap"
          >
            <AdminIcon name="map" size={14} />
          </ControlButton>
        )}
      </Controls>
      {!small && minimap && (
        <MiniMap
          pannable
          zoomable
          ariaLabel={t('playbooks.minimap')}
          nodeStrokeWidth={2}
          style={{ width: 168, height: 112 }}
        />
      )}
    </>
  );
}

function FlowCanvasInner({ doc, findings, onChange, onLayout, actions, focus, onSelect }: Props) {
  const flow = useReactFlow();
  const { nodes, setNodes, edges, setEdges, ariaLabelConfig } = useCanvasState(doc, findings);
  const { tidyUp, route } = useCanvasLayout({ doc, nodes, onChange, onLayout });

  useEffect(() => {
    if (!focus) return;
    setNodes((current) => current.map((n) => ({ ...n, selected: n.id === focus.nodeId })));
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

  const routedEdges = useMemo(
    () => route(edges, new Map(nodes.map((n) => [n.id, n.position]))),
    [edges, nodes, route],
  );

  const onNodesChange = (changes: NodeChange<CardNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
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
    setEdges((current) => applyEdgeChanges(changes, current));
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length > 0) onChange(removeEdges(doc, removed));
  };

  return (
    <CardActionsContext.Provider value={actions}>
      <div className="pb-canvas" data-testid="flow-canvas">
        <ReactFlow
          nodes={nodes}
          edges={routedEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={(connection) => onChange(connectPort(doc, connection))}
          onSelectionChange={onSelectionChange}
          isValidConnection={(c) => c.source !== c.target}
          fitViewOptions={FIT_OPTIONS}
          minZoom={0.25}
          maxZoom={1.5}
          deleteKeyCode={['Delete']}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background gap={20} size={1} color="#d7dbe3" />
          <CanvasChrome onTidyUp={tidyUp} />
        </ReactFlow>
      </div>
    </CardActionsContext.Provider>
  );
}
