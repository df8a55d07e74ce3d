import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';

const TOAST_MS = 8000;

// The screen that navigates away (a deleted record's page) hands its notice to the next one.
let handedOver: string | null = null;

/** Shows `text` as a toast on the CRM screen opened next (the list a deleted record was in). */
export function toastOnNextCrmScreen(text: string): void {
  handedOver = text;
}

/**
 * The CRM screens' toast: a polite live region, always there so that a notice added to it is
 * read out, showing what the screen before handed over for a few seconds.
 */
export function CrmToast() {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (handedOver === null) return;
    setText(handedOver);
    handedOver = null;
  }, []);
  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => setText(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      <div>
        {text !== null && (
          <div className="toast" data-testid="crm-toast">
            <span className="toast__icon">
              <Icon name="check" size={16} />
            </span>
            <div className="toast__text">
              <bdi>{text}</bdi>
            </div>
            <div className="toast__actions">
              <button
                type="button"
                className="icon-btn icon-btn--sm"
                aria-label={t('common.dismiss')}
                onClick={() => setText(null)}
              >
                <Icon name="x" size={14} />
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
