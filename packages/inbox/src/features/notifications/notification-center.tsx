import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMyNotificationSettingsDto, TNotificationDto } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { useRouter } from '../../lib/router';
import { useInboxActions } from '../inbox/inbox-provider';
import { notificationsApi } from './notifications-api';
import { playChime } from './notification-sound';
import { showLocalNotification } from './push';
import { conversationInFront } from './in-front';

type Toast = TNotificationDto & { key: string };
const TOAST_MS = 8000;

/** The user's notification settings, kept current when the settings page saves them. */
function useMySettings() {
  const settings = useRef<TMyNotificationSettingsDto | null>(null);
  useEffect(() => {
    notificationsApi.mySettings().then(
      (s) => (settings.current = s),
      () => undefined,
    );
    const onSettings = (e: Event) =>
      (settings.current = (e as CustomEvent<TMyNotificationSettingsDto>).detail);
    window.addEventListener('charla:notification-settings', onSettings);
    return () => window.removeEventListener('charla:notification-settings', onSettings);
  }, []);
  return settings;
}

/**
 * In-app notices for notification frames (R23): a toast (optionally with a sound) while the tab
 * is visible, a system notification while it is hidden. The server only sends what this user may
 * see (R22); the user's own switches decide toast and sound. The conversation on screen gets no
 * toast (its message shows where the user is reading), and toasts sit at the top, never over
 * the composer.
 */
export function NotificationCenter() {
  const { t } = useTranslation();
  const { navigate, location } = useRouter();
  const inFront = useRef<string | null>(null);
  const front = conversationInFront(location.pathname);
  inFront.current = front;
  const { onNotification } = useInboxActions();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const settings = useMySettings();
  // A conversation opened another way than its toast (the list, a link): its toast has done its job.
  useEffect(() => {
    if (front) setToasts((list) => list.filter((x) => x.conversationId !== front));
  }, [front]);

  useEffect(
    () =>
      onNotification((notification) => {
        const prefs = notification.kind === 'test' ? null : settings.current?.[notification.kind];
        const url = notification.conversationId
          ? `/conversations/${notification.conversationId}`
          : '/inbox/unassigned';
        if (document.visibilityState === 'hidden') {
          if (prefs?.push !== false)
            void showLocalNotification(
              notification.title,
              notification.body,
              url,
              `${notification.kind}:${notification.conversationId ?? notification.id}`,
            );
          return;
        }
        if (prefs?.inApp === false) return;
        if (notification.conversationId !== null && notification.conversationId === inFront.current) return;
        if (prefs?.sound) playChime();
        const toast = { ...notification, key: `${notification.id}-${Date.now()}` };
        setToasts((list) => [...list.filter((x) => x.id !== notification.id).slice(-3), toast]);
        setTimeout(() => setToasts((list) => list.filter((x) => x.key !== toast.key)), TOAST_MS);
      }),
    [onNotification],
  );

  const dismiss = (key: string) => setToasts((list) => list.filter((x) => x.key !== key));

  return (
    <div className="toasts" role="region" aria-label={t('notifications.region')}>
      <div aria-live="polite" aria-atomic="false">
        {toasts.map((toast) => (
          <ToastItem
            key={toast.key}
            toast={toast}
            onDismiss={() => dismiss(toast.key)}
            onOpen={(id) => {
              dismiss(toast.key);
              navigate(`/conversations/${id}`);
            }}
          />
        ))}
      </div>
    </div>
  );
}

/** One toast: what happened, Open (when it is about a conversation) and Dismiss. */
function ToastItem({
  toast,
  onOpen,
  onDismiss,
}: {
  toast: Toast;
  onOpen: (conversationId: string) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="toast" data-testid="toast" data-toast-conversation={toast.conversationId ?? undefined}>
      <span className="toast__icon">
        <Icon name="bell" size={16} />
      </span>
      <div className="toast__text">
        <strong>
          <bdi>{toast.title}</bdi>
        </strong>
        <bdi>{toast.body}</bdi>
      </div>
      <div className="toast__actions">
        {toast.conversationId && (
          <button
            type="button"
            className="btn btn--sm btn--primary"
            onClick={() => onOpen(toast.conversationId ?? '')}
          >
            {t('notifications.open')}
          </button>
        )}
        <button
          type="button"
          className="icon-btn icon-btn--sm"
          aria-label={t('common.dismiss')}
          onClick={onDismiss}
        >
          <Icon name="x" size={14} />
        </button>
      </div>
    </div>
  );
}
