import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import type { SaveState } from './use-playbook-editing';

/**
 * The banner under the editor's bar: a save conflict (with reload), a refused save, a failed save
 * or a refused activation. Nothing when all is well.
 */
export function EditorAlert(props: {
  save: SaveState;
  /** Errors the editor's own validation finds now (a refused save shows only while some remain). */
  errorCount: number;
  active: boolean;
  statusError: string | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { save, errorCount, statusError } = props;
  const showInvalid = save.kind === 'invalid' && errorCount > 0;
  const text =
    save.kind === 'conflict'
      ? t('playbooks.conflict')
      : showInvalid
        ? props.active
          ? t('playbooks.activeNeedsValid', { count: errorCount })
          : t('playbooks.invalidSave')
        : save.kind === 'error'
          ? save.message
          : statusError;
  if (!text) return null;
  return (
    <div className="pb-editor__alert" role="alert">
      <Icon name="alert" size={16} />
      <span>{text}</span>
      {save.kind === 'conflict' && (
        <button type="button" className="btn btn--sm" onClick={props.onReload}>
          {t('playbooks.reload')}
        </button>
      )}
    </div>
  );
}
