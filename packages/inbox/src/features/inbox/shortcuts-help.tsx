import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { shortcutList } from './shortcuts';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={t('shortcuts.title')}
      onClose={onClose}
      footer={
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <dl className="shortcuts" data-testid="shortcuts-help">
        {shortcutList.map((s) => (
          <div key={s.action} className="shortcuts__row">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="shortcuts__or">{t('shortcuts.or')}</span>}
                  <kbd>{k === 'Esc' ? t('shortcuts.keyEsc') : k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`shortcuts.${s.action}`)}</dd>
          </div>
        ))}
        <div className="shortcuts__row">
          <dt>
            <kbd>{t('shortcuts.keyEnter')}</kbd>
          </dt>
          <dd>{t('shortcuts.send')}</dd>
        </div>
        <div className="shortcuts__row">
          <dt>
            <kbd>{t('shortcuts.keyShift')}</kbd>+<kbd>{t('shortcuts.keyEnter')}</kbd>
          </dt>
          <dd>{t('shortcuts.newline')}</dd>
        </div>
      </dl>
    </Dialog>
  );
}
