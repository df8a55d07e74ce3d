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
import { cardSummary } from './card-summary';
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
  const projectedEdges = useMemo(() => {
    // xyflow names each link "Edge from <id> to <id>" unless told: say it with the cards' words.
    const name = (id: string) => {
      const node = doc.flow.nodes.find((n) => n.id === id);
      return node ? cardSummary(node) || t(`playbooks.cardTypes.${node.type}`) : id;
    };
    return toFlowEdges(doc, findings).map((e) => ({
      ...e,
      ariaLabel: t('playbooks.canvas.edge', { from: name(e.source), to: name(e.target) }),
    }));
  }, [doc, findings, t]);
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
          ariaLabelConfig={{
            'node.a11yDescription.default': t('playbooks.canvasHelp'),
            'node.a11yDescription.keyboardDisabled': t('playbooks.canvasHelp'),
            'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
              t('playbooks.canvas.moved', { direction, x, y }),
            'edge.a11yDescription.default': t('playbooks.canvas.edgeHelp'),
            'controls.ariaLabel': t('playbooks.canvas.controls'),
            'controls.zoomIn.ariaLabel': t('playbooks.canvas.zoomIn'),
            'controls.zoomOut.ariaLabel': t('playbooks.canvas.zoomOut'),
            'controls.fitView.ariaLabel': t('playbooks.canvas.fitView'),
            'controls.interactive.ariaLabel': t('playbooks.canvas.interactive'),
            'minimap.ariaLabel': t('playbooks.minimap'),
            'handle.ariaLabel': t('playbooks.canvas.handle'),
          }}
        >
          <Background gap={20} size={1} color="#d7dbe3" />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable ariaLabel={t('playbooks.minimap')} nodeStrokeWidth={2} />
        </ReactFlow>
      </div>
    </CardActionsContext.Provider>
  );
}
