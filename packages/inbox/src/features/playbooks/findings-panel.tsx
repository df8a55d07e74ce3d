import { useTranslation } from 'react-i18next';
import type { TFinding, TPlaybookDocument } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { cardSummary } from './card-summary';
import { findingNodeId, sortFindings } from './finding-field';

type Props = {
  id: string;
  doc: TPlaybookDocument;
  findings: readonly TFinding[];
  onPick: (finding: TFinding) => void;
  onClose: () => void;
};

/**
 * Every error and warning of the playbook, in the admin's language; choosing one goes to its card
 * (selected, centred) and the field it is about.
 */
export function FindingsPanel({ id, doc, findings, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const sorted = sortFindings(findings);
  const cardName = (finding: TFinding): string => {
    const nodeId = findingNodeId(doc, finding);
    const node = nodeId ? doc.flow.nodes.find((n) => n.id === nodeId) : undefined;
    if (!node) return t('playbooks.problems.document');
    const summary = node.label || cardSummary(node);
    return `${t(`playbooks.cardTypes.${node.type}`)}${summary ? `: ${summary}` : ''}`;
  };
  return (
    <section className="pb-problems" id={id} aria-labelledby={`${id}-title`} data-testid="findings-panel">
      <header className="pb-problems__head">
        <h2 id={`${id}-title`} tabIndex={-1}>
          {t('playbooks.problems.title')}
        </h2>
        <span className="pb-problems__hint">{t('playbooks.problems.hint')}</span>
        <button
          type="button"
          className="icon-btn icon-btn--sm"
          aria-label={t('playbooks.problems.close')}
          onClick={onClose}
        >
          <Icon name="x" size={14} />
        </button>
      </header>
      {sorted.length === 0 ? (
        <p className="pb-problems__empty">{t('playbooks.problems.none')}</p>
      ) : (
        <ul className="pb-problems__list">
          {sorted.map((finding, index) => (
            <li key={`${finding.code}-${finding.nodeId ?? finding.edgeId ?? ''}-${index}`}>
              <button
                type="button"
                className={`pb-problem pb-problem--${finding.severity}`}
                onClick={() => onPick(finding)}
                data-testid={`finding-${finding.code}`}
              >
                <Icon name="alert" size={14} />
                <span className="sr-only">{t(`playbooks.problems.severity.${finding.severity}`)}</span>
                <span className="pb-problem__card">{cardName(finding)}</span>
                <span className="pb-problem__text">
                  {t(`playbooks.findings.${finding.code}`, { defaultValue: finding.message })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
