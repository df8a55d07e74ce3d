import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { TFinding, TPlaybookDocument } from '@charla/protocol';
import { CardActionsContext, CardNodeView, type CardActions } from './card-node';
import { useCanvasLabels } from './canvas-labels';
import { connectPort, moveNode, removeEdges, toFlowEdges, toFlowNodes, type CardNode } from './flow-mapping';

const nodeTypes = { card: CardNodeView };

/**
 * The flow editor canvas. The document stays the source of truth: xyflow keeps only what it
 * measures (sizes, selection), and every change that means something goes back through
 * flow-mapping into a new document.
 */
export function FlowCanvas({
  doc,
  findings,
  onChange,
  actions,
}: {
  doc: TPlaybookDocument;
  findings: TFinding[];
  onChange: (next: TPlaybookDocument) => void;
  actions: CardActions;
}) {
  const { t } = useTranslation();
  const projected = useMemo(() => toFlowNodes(doc, findings), [doc, findings]);
  const { ariaLabelConfig, nameEdges } = useCanvasLabels(doc);
  const projectedEdges = useMemo(() => nameEdges(toFlowEdges(doc, findings)), [doc, findings, nameEdges]);
  const [nodes, setNodes] = useState<CardNode[]>(projected);
  const [edges, setEdges] = useState<Edge[]>(projectedEdges);

  // Keep what xyflow measured and selected when the document changes underneath.
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
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={(connection) => onChange(connectPort(doc, connection))}
          isValidConnection={(c) => c.source !== c.target}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
          minZoom={0.25}
          maxZoom={1.5}
          deleteKeyCode={['Delete']}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background gap={20} size={1} color="#d7dbe3" />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable ariaLabel={t('playbooks.minimap')} nodeStrokeWidth={2} />
        </ReactFlow>
      </div>
    </CardActionsContext.Provider>
  );
}
