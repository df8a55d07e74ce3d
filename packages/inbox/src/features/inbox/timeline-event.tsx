import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTimelineEvent } from '@charla/protocol';
import { Icon, type IconName } from '../../lib/icons';
import { Link } from '../../lib/router';
import { lapsedText } from '../availability/lapsed-text';

/** One system line of the timeline (R16): who joined, reassigned, closed; lead and deal markers. */
function TimelineEventLine({ event, time }: { event: TTimelineEvent; time: string }) {
  const { t } = useTranslation();
  let icon: IconName = 'sparkle';
  // Notes and mention grants are drawn by note-item.tsx.
  let text = '';
  let link: { to: string; label: string } | null = null;
  switch (event.type) {
    case 'live_chat_requested':
      text = t('timeline.liveChatRequested');
      icon = 'message';
      break;
    case 'joined':
      text = t('timeline.joined', { name: event.userName });
      icon = 'user';
      break;
    case 'reassigned':
      text = t('timeline.reassigned', { by: event.byName, to: event.toName });
      icon = 'users';
      break;
    case 'unassigned':
      text = t('timeline.unassigned', { by: event.byName });
      icon = 'users';
      break;
    case 'closed':
      text = event.byName
        ? t('timeline.closedBy', { by: event.byName })
        : t(`timeline.closedReason.${event.reason}`);
      icon = 'archive';
      break;
    case 'missed':
      text = t('timeline.missed');
      icon = 'clock';
      break;
    case 'offline':
      text = t('timeline.offline');
      icon = 'wifiOff';
      break;
    case 'lead_created':
      text = event.byName ? t('timeline.leadCreatedBy', { by: event.byName }) : t('timeline.leadCreated');
      icon = 'briefcase';
      link = { to: `/crm/leads/${event.leadId}`, label: event.title };
      break;
    case 'deal_created':
      text = event.byName ? t('timeline.dealCreatedBy', { by: event.byName }) : t('timeline.dealCreated');
      icon = 'briefcase';
      link = { to: `/crm/deals/${event.dealId}`, label: event.title };
      break;
    case 'rated':
      text =
        event.scale === 'thumbs'
          ? t(event.score >= 5 ? 'timeline.ratedUp' : 'timeline.ratedDown')
          : t('timeline.ratedStars', { count: event.score });
      icon = 'star';
      if (event.comment) text = `${text}: “${event.comment}”`;
      break;
    case 'bot_ended':
      text = t(`timeline.botEnded.${event.outcome}`);
      icon = 'flow';
      break;
    case 'ownership_lapsed':
      text = lapsedText(t, event);
      icon = 'clock';
      break;
  }
  const crm = event.type === 'lead_created' || event.type === 'deal_created';
  return (
    <div className={`tl-event ${crm ? 'tl-event--crm' : ''}`} data-testid={`event-${event.type}`}>
      <span className="tl-event__line">
        <Icon name={icon} size={14} />
        <span>{text}</span>
        {link && (
          <Link to={link.to} className="tl-event__link">
            {link.label}
          </Link>
        )}
        <time className="tl-event__time">{time}</time>
      </span>
    </div>
  );
}

/** Memoised: an event's row renders once, not again on every later message (issue 25). */
export const TimelineEvent = memo(TimelineEventLine);
