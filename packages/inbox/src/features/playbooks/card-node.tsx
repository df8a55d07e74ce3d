import { createContext, memo, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import type { TFinding } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { AdminIcon } from './admin-icons';
import { CARD_ICONS, cardSummary, cardText } from './card-summary';
import { portLabel } from './condition-labels';
import type { CardNode } from './flow-mapping';

/** Card actions, passed down without putting callbacks into the document-derived node data. */
export type CardActions = {
  edit: (nodeId: string) => void;
  remove: (nodeId: string) => void;
  offlineOnly: boolean;
};
export const CardActionsContext = createContext<CardActions>({
  edit: () => {},
  remove: () => {},
  offlineOnly: false,
});

function findingText(
  t: (key: string, options?: Record<string, unknown>) => string,
  finding: TFinding,
): string {
  return t(`playbooks.findings.${finding.code}`, { defaultValue: finding.message });
}

/** The card's first three validator findings, and how many more there are. */
function CardFindings({ findings }: { findings: TFinding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <ul className="pb-card__findings">
      {findings.slice(0, 3).map((finding, index) => (
        <li key={`${finding.code}-${index}`} className={`pb-finding pb-finding--${finding.severity}`}>
          <Icon name="alert" size={13} />
          <span>{findingText(t, finding)}</span>
        </li>
      ))}
      {findings.length > 3 && (
        <li className="pb-finding pb-finding--more">
          {t('playbooks.moreFindings', { count: findings.length - 3 })}
        </li>
      )}
    </ul>
  );
}

/**
 * Handles follow the ports: when answers are added, removed or reordered (or findings change the
 * card's height), xyflow must measure them again or links keep leaving from the old positions.
 */
function useHandlesFollowPorts(id: string, ports: readonly { name: string }[], findingCount: number) {
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = ports.map((p) => p.name).join('\n');
  useEffect(() => updateNodeInternals(id), [id, portKey, findingCount, updateNodeInternals]);
}

/** The card's exits, one row each with its handle on the right (the flow runs left to right). */
function CardPorts({ node, ports }: Pick<CardNode['data'], 'node' | 'ports'>) {
  const { t } = useTranslation();
  if (ports.length === 0) return null;
  return (
    <div className="pb-card__ports">
      {ports.map((port) => (
        <div key={port.name} className={`pb-port pb-port--${port.kind}`}>
          <span className="pb-port__label" title={portLabel(t, node, port)}>
            {portLabel(t, node, port)}
          </span>
          <Handle type="source" position={Position.Right} id={port.name} className="pb-handle" />
        </div>
      ))}
    </div>
  );
}

/** The line under a card's summary: waiting time, rule count, timeout, pause, outcome. */
function CardMeta({ node, offlineOnly }: { node: CardNode['data']['node']; offlineOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {node.type === 'live_chat' && (
        <p className="pb-card__meta">
          <span>{t('playbooks.waitFor', { seconds: node.waitSeconds })}</span>
          {offlineOnly && (
            <span className="pb-badge pb-badge--warn" title={t('playbooks.offlineOnlyHint')}>
              {t('playbooks.offlineOnly')}
            </span>
          )}
        </p>
      )}
      {node.type === 'condition' && (
        <p className="pb-card__meta">{t('playbooks.condition.rulesCount', { count: node.rules.length })}</p>
      )}
      {node.type === 'http_request' && (
        <p className="pb-card__meta">
          {t('playbooks.httpRequest.timeoutMeta', { seconds: node.timeoutSeconds })}
          {node.mapping.some((m) => m.variable) &&
            ` · → ${node.mapping
              .map((m) => m.variable)
              .filter(Boolean)
              .join(', ')}`}
        </p>
      )}
      {node.type === 'wait' && (
        <p className="pb-card__meta">{t('playbooks.wait.meta', { seconds: node.seconds })}</p>
      )}
      {node.type === 'end' && (
        <p className="pb-card__meta">
          {t(`playbooks.outcomes.${node.outcome}`)}
          {node.crm.record.kind !== 'none' && ` · ${t(`playbooks.records.${node.crm.record.kind}`)}`}
          {node.crm.activity && ` · ${t(`crm.activityTypes.${node.crm.activity.type}`)}`}
        </p>
      )}
    </>
  );
}

/** One card of the flow: type, summary, pencil/trash, validator findings, and a handle per port. */
export const CardNodeView = memo(function CardNodeView({ id, data, selected }: NodeProps<CardNode>) {
  const { t } = useTranslation();
  const actions = useContext(CardActionsContext);
  const { node, ports, findings, isStart } = data;
  useHandlesFollowPorts(id, ports, findings.length);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const typeLabel = t(`playbooks.cardTypes.${node.type}`);
  const summary = cardSummary(node);
  const text = cardText(node);
  return (
    <div
      className={`pb-card pb-card--${node.type} ${selected ? 'pb-card--selected' : ''} ${errors.length ? 'pb-card--error' : warnings.length ? 'pb-card--warning' : ''}`}
      data-testid={`card-${node.id}`}
      onDoubleClick={() => actions.edit(node.id)}
    >
      <Handle type="target" position={Position.Left} id="in" className="pb-handle pb-handle--in" />
      <div className="pb-card__head">
        <span className={`pb-card__icon pb-card__icon--${node.type}`}>
          <AdminIcon name={CARD_ICONS[node.type]} size={14} />
        </span>
        <span className="pb-card__type" title={typeLabel}>
          {typeLabel}
        </span>
        {isStart && <span className="pb-card__start">{t('playbooks.start')}</span>}
        <span className="pb-card__tools">
          <button
            type="button"
            className="icon-btn icon-btn--sm nodrag"
            aria-label={t('playbooks.editCard', { card: summary || typeLabel })}
            title={t('playbooks.editCardShort')}
            onClick={() => actions.edit(node.id)}
          >
            <AdminIcon name="pencil" size={14} />
          </button>
          <button
            type="button"
            className="icon-btn icon-btn--sm nodrag pb-card__delete"
            aria-label={t('playbooks.deleteCard', { card: summary || typeLabel })}
            title={t('playbooks.deleteCardShort')}
            onClick={() => actions.remove(node.id)}
          >
            <AdminIcon name="trash" size={14} />
          </button>
        </span>
      </div>
      {node.label && (
        <p className="pb-card__title" title={node.label}>
          {node.label}
        </p>
      )}
      {(text || (!node.label && node.type !== 'condition' && node.type !== 'wait')) && (
        <p className="pb-card__summary" title={text || undefined}>
          {text || <em>{t('playbooks.emptyCard')}</em>}
        </p>
      )}
      <CardMeta node={node} offlineOnly={actions.offlineOnly} />
      <CardFindings findings={findings} />
      <CardPorts node={node} ports={ports} />
    </div>
  );
});
