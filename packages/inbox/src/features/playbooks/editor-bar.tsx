import { useTranslation } from 'react-i18next';
import { MAX_PLAYBOOK_NAME_CHARS, type TPlaybookDto } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { AdminIcon } from './admin-icons';
import { charsLeft } from './chars-left';
import { CharsLeftHint } from './chars-left-hint';
import { PlaybookStatusBadge } from './playbook-status-badge';

type Props = {
  playbook: TPlaybookDto;
  name: string;
  onName: (name: string) => void;
  errors: number;
  warnings: number;
  dirty: boolean;
  saving: boolean;
  problemsId: string;
  problemsOpen: boolean;
  onProblems: () => void;
  onToggleActive: () => void;
  onSave: () => void;
};

/** What the save status says: saving, unsaved, saved as a draft with errors, or saved. */
function saveStateText(t: (k: string, o?: Record<string, unknown>) => string, p: Props): string {
  if (p.saving) return t('playbooks.saving');
  if (p.dirty) return t('playbooks.unsaved');
  if (p.errors > 0) return t('playbooks.problems.savedDraft', { count: p.errors });
  return t('playbooks.saved');
}

/** The playbook's name, with the server's limit and, near it, how many characters are left. */
function NameField({ name, onName }: { name: string; onName: (name: string) => void }) {
  const { t } = useTranslation();
  const near = charsLeft(name.length, MAX_PLAYBOOK_NAME_CHARS) !== null;
  return (
    <>
      <label htmlFor="pb-name" className="sr-only">
        {t('playbooks.new.name')}
      </label>
      <input
        id="pb-name"
        value={name}
        maxLength={MAX_PLAYBOOK_NAME_CHARS}
        aria-describedby={near ? 'pb-name-count' : undefined}
        onChange={(e) => onName(e.target.value)}
      />
      <CharsLeftHint id="pb-name-count" length={name.length} max={MAX_PLAYBOOK_NAME_CHARS} />
    </>
  );
}

/** The editor's top bar: name, status, error and warning counts (open the findings), save, activate. */
export function EditorBar(props: Props) {
  const { t } = useTranslation();
  const { playbook, errors, warnings, dirty } = props;
  const active = playbook.status === 'active';
  // An inactive playbook activates only when saved and free of errors; the reason is shown.
  const blockedBy = active ? null : errors > 0 ? 'errors' : dirty ? 'unsaved' : null;
  return (
    <header className="pb-editor__bar">
      <Link to="/playbooks" className="icon-btn" aria-label={t('playbooks.backToList')}>
        <Icon name="chevronLeft" />
      </Link>
      <div className="pb-editor__name">
        <NameField name={props.name} onName={props.onName} />
        <PlaybookStatusBadge status={playbook.status} />
      </div>
      <div className="pb-editor__status">
        <button
          type="button"
          className={`pb-count pb-count--${errors > 0 ? 'error' : 'ok'}`}
          aria-expanded={props.problemsOpen}
          aria-controls={props.problemsOpen ? props.problemsId : undefined}
          onClick={props.onProblems}
          data-testid="errors-badge"
        >
          {errors > 0 ? t('playbooks.errorsCount', { count: errors }) : t('playbooks.noErrors')}
        </button>
        {warnings > 0 && (
          <button
            type="button"
            className="pb-count pb-count--warning"
            aria-expanded={props.problemsOpen}
            onClick={props.onProblems}
          >
            {t('playbooks.warningsCount', { count: warnings })}
          </button>
        )}
        <span className="pb-save-state" role="status" data-testid="save-state">
          {saveStateText(t, props)}
        </span>
      </div>
      <div className="pb-editor__actions">
        {blockedBy && (
          <span id="pb-activate-reason" className="pb-editor__reason" data-testid="activate-reason">
            {blockedBy === 'errors'
              ? t('playbooks.problems.activateBlocked', { count: errors })
              : t('playbooks.saveFirst')}
          </span>
        )}
        <button
          type="button"
          className="btn"
          onClick={props.onToggleActive}
          disabled={blockedBy !== null}
          aria-describedby={blockedBy ? 'pb-activate-reason' : undefined}
          data-testid="toggle-active"
        >
          <AdminIcon name={active ? 'pause' : 'play'} />
          {active ? t('playbooks.deactivate') : t('playbooks.activate')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          onClick={props.onSave}
          disabled={props.saving || !dirty}
          data-testid="save-playbook"
        >
          {t('playbooks.save')}
        </button>
      </div>
    </header>
  );
}
