import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AriaLabelConfig, Edge } from '@xyflow/react';
import type { TPlaybookDocument } from '@charla/protocol';
import { cardSummary } from './card-summary';
import type { CardNode } from './flow-mapping';

/**
 * Every word the flow canvas (xyflow) says, in the UI language: its controls, screen-reader
 * hints, and a name per link ("Link from “Hi!” to “End”") instead of xyflow's "Edge from a to b".
 */
export function useCanvasLabels(doc: TPlaybookDocument) {
  const { t } = useTranslation();
  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
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
    }),
    [t],
  );
  const nameEdges = useCallback(
    (edges: Edge[]): Edge[] => {
      const name = (id: string) => {
        const node = doc.flow.nodes.find((n) => n.id === id);
        return node ? cardSummary(node) || t(`playbooks.cardTypes.${node.type}`) : id;
      };
      return edges.map((e) => ({
        ...e,
        ariaLabel: t('playbooks.canvas.edge', { from: name(e.source), to: name(e.target) }),
      }));
    },
    [doc, t],
  );
  // What a screen reader says when a card takes the focus: its type, text, start and errors.
  const nameNodes = useCallback(
    (nodes: CardNode[]): CardNode[] =>
      nodes.map((n) => {
        const type = t(`playbooks.cardTypes.${n.data.node.type}`);
        const summary = cardSummary(n.data.node);
        const errors = n.data.findings.filter((f) => f.severity === 'error').length;
        const parts = [
          summary
            ? t('playbooks.keys.cardLabel', { type, summary })
            : t('playbooks.keys.cardLabelBare', { type }),
          n.data.isStart ? t('playbooks.start') : '',
          errors > 0 ? t('playbooks.errorsCount', { count: errors }) : '',
        ];
        return { ...n, ariaLabel: parts.filter(Boolean).join(', ') };
      }),
    [t],
  );
  return { ariaLabelConfig, nameEdges, nameNodes };
}
