import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { notificationPermission, pushSupport, subscribeToPush } from './push';

const DISMISSED_KEY = 'charla.notificationPromptDismissed';

/** R21: asks each user, once per device, to allow desktop notifications, and says why. */
export function NotificationPrompt() {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(
    () =>
      localStorage.getItem(DISMISSED_KEY) === '1' ||
      notificationPermission() !== 'default' ||
      pushSupport() === 'unsupported',
  );
  const [result, setResult] = useState<string | null>(null);
  if (hidden) return null;
  const allow = async () => {
    const outcome = await subscribeToPush();
    if (outcome === 'subscribed') setHidden(true);
    else if (outcome === 'denied') {
      setResult(t('notifications.denied'));
      localStorage.setItem(DISMISSED_KEY, '1');
    } else setResult(t('notifications.subscribeFailed'));
  };
  return (
    <div
      className="prompt"
      role="region"
      aria-label={t('notifications.promptLabel')}
      data-testid="notification-prompt"
    >
      <span className="prompt__icon">
        <Icon name="bell" size={18} />
      </span>
      <p className="prompt__text">
        <strong>{t('notifications.promptTitle')}</strong>{' '}
        {/* On a phone the reason is read out but not shown: the bar stays one line and its actions. */}
        {result !== null ? (
          <span>{result}</span>
        ) : (
          <span className="prompt__why">{t('notifications.promptWhy')}</span>
        )}
      </p>
      <div className="prompt__actions">
        <button type="button" className="btn btn--primary btn--sm" onClick={() => void allow()}>
          {t('notifications.allow')}
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => {
            localStorage.setItem(DISMISSED_KEY, '1');
            setHidden(true);
          }}
        >
          {t('notifications.notNow')}
        </button>
      </div>
    </div>
  );
}
