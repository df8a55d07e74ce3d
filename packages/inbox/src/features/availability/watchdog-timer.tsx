import { useTranslation } from 'react-i18next';
import type { TConversationDto } from '@charla/protocol';
import './availability.css';

function minutesSeconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The ownership watchdog's countdown in the conversation header (issue 19); nothing when off. */
export function WatchdogTimer({ conversation, now }: { conversation: TConversationDto; now: number }) {
  const { t } = useTranslation();
  const deadline = conversation.routing?.watchdogDeadline ?? null;
  if (conversation.status !== 'assigned' || deadline === null) return null;
  const late = now >= deadline;
  return (
    <span
      className={`watchdog-timer ${late ? 'watchdog-timer--late' : ''}`}
      title={t('availability.watchdog.label')}
      data-testid="watchdog-timer"
    >
      {' · '}
      {late
        ? t('availability.watchdog.replyOverdue')
        : t('availability.watchdog.replyDue', { time: minutesSeconds(deadline - now) })}
    </span>
  );
}
