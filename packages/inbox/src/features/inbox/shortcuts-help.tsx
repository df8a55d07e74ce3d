import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { shortcutList } from './shortcuts';

/** The reply composer's keys (composer-keys.ts, and the card editor's formatting shortcuts). */
const COMPOSER_KEYS = [
  { keys: ['keyEnter'], action: 'send' },
  { keys: ['keyShift', 'keyEnter'], action: 'newline' },
  { keys: ['keyEnter'], action: 'listItem' },
  { keys: ['keyCtrl', 'keyEnter'], action: 'sendAnywhere' },
  { keys: ['keyCtrl', 'B'], action: 'bold' },
  { keys: ['keyCtrl', 'I'], action: 'italic' },
  { keys: ['keyCtrl', 'K'], action: 'link' },
] as const;

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
        {COMPOSER_KEYS.map(({ keys, action }) => (
          <div key={action} className="shortcuts__row">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && '+'}
                  <kbd>{k.startsWith('key') ? t(`shortcuts.${k}`) : k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`shortcuts.${action}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
