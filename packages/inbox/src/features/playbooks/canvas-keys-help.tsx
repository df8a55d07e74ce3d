import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';

/** The canvas's keys, in the order someone learning them would use them. */
export const CANVAS_KEY_ROWS = [
  'tab',
  'arrows',
  'start',
  'edit',
  'select',
  'move',
  'add',
  'drop',
  'remove',
  'copy',
  'undo',
  'escape',
  'help',
] as const;

/** What every key of the flow canvas does (opened with "?" on a card or the keyboard button). */
export function CanvasKeysHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={t('playbooks.keys.help')}
      onClose={onClose}
      size="md"
      footer={
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <dl className="shortcuts" data-testid="canvas-keys-help">
        {CANVAS_KEY_ROWS.map((row) => (
          <div key={row} className="shortcuts__row">
            <dt>
              <kbd>{t(`playbooks.keys.rows.${row}.keys`)}</kbd>
            </dt>
            <dd>{t(`playbooks.keys.rows.${row}.text`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
