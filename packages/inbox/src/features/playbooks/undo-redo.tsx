import { useTranslation } from 'react-i18next';
import { AdminIcon } from './admin-icons';

/** Undo and redo buttons of the flow editor (the same as Ctrl+Z and Ctrl+Shift+Z). */
export function UndoRedo(props: {
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span className="pb-undo" role="group" aria-label={t('playbooks.layout.history')}>
      <button
        type="button"
        className="icon-btn"
        onClick={props.onUndo}
        disabled={!props.canUndo}
        aria-label={t('playbooks.layout.undo')}
        title={t('playbooks.layout.undoTitle')}
        aria-keyshortcuts="Control+Z"
        data-testid="undo"
      >
        <AdminIcon name="undo" size={16} />
      </button>
      <button
        type="button"
        className="icon-btn"
        onClick={props.onRedo}
        disabled={!props.canRedo}
        aria-label={t('playbooks.layout.redo')}
        title={t('playbooks.layout.redoTitle')}
        aria-keyshortcuts="Control+Shift+Z"
        data-testid="redo"
      >
        <AdminIcon name="redo" size={16} />
      </button>
    </span>
  );
}
