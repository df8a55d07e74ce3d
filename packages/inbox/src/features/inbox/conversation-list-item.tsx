import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TFolder, THighlightSegment } from '@charla/protocol';
import { Avatar } from '../../components/avatar';
import { formatElapsed, formatRelative, formatTimestamp } from '../../lib/format-time';
import { Link } from '../../lib/router';
import { LabelChips } from '../labels/label-chips';
import { HighlightedText } from './highlighted-text';
import { IdentityBadge } from './identity-badge';
import { shortUrl, visitorName, visitorNumberLabel } from './visitor-name';
import { waitingClock } from './waiting-clock';

type Props = {
  conversation: TConversationDto;
  folder: TFolder;
  selected: boolean;
  now: number;
  typing: boolean;
  /** The search excerpt to show instead of the last message. */
  snippet?: THighlightSegment[] | undefined;
};

type RowMeta = { label: string; className: string; srPrefix?: string };

/**
 * The row's time: when it closed, the waiting clock, or how long ago the last message came. In
 * Closed only the time shows ("Closed" is the folder, and read out before it): "Closed 07:15 AM"
 * left a named person's row "M…" beside the Missed badge.
 */
function rowMeta(args: {
  conversation: TConversationDto;
  folder: TFolder;
  clock: ReturnType<typeof waitingClock> | null;
  now: number;
  t: (key: string, options?: Record<string, unknown>) => string;
  language: string;
}): RowMeta {
  const { conversation, folder, clock, now, t, language } = args;
  if (folder === 'closed' && conversation.closedAt !== null)
    return {
      label: formatTimestamp(conversation.closedAt, language, now),
      className: '',
      srPrefix: t('conversation.closed'),
    };
  if (clock !== null)
    return 'leftMs' in clock
      ? {
          label: t('inbox.timeLeft', { time: formatElapsed(clock.leftMs) }),
          className: clock.urgent ? 'meta--late' : 'meta--waiting',
          srPrefix: t('inbox.timeLeftLabel'),
        }
      : {
          label: formatElapsed(clock.waitedMs),
          className: clock.urgent ? 'meta--late' : 'meta--waiting',
          srPrefix: t('inbox.waitingFor'),
        };
  return { label: formatRelative(conversation.lastMessageAt, language, now), className: '' };
}

/** One row; only the rows whose conversation changed render again at a message (issue 25). */
export const ConversationListItem = memo(function ConversationListItem({
  conversation,
  folder,
  selected,
  now,
  typing,
  snippet,
}: Props) {
  const { t, i18n } = useTranslation();
  const name = visitorName(conversation.visitor, t);
  const number = visitorNumberLabel(conversation.visitor, t);
  const unread = folder !== 'closed' && conversation.lastSeq > conversation.userReadSeq;
  const page = shortUrl(conversation.visitor.context.pageUrl);
  const clock = conversation.status === 'waiting' ? waitingClock(conversation, now) : null;
  const missed = folder === 'closed' && conversation.closeReason === 'missed';
  const meta = rowMeta({ conversation, folder, clock, now, t, language: i18n.language });

  return (
    <li>
      <Link
        to={`/inbox/${folder}/${conversation.id}`}
        className={`conv-item ${selected ? 'conv-item--selected' : ''} ${unread ? 'conv-item--unread' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-testid="conversation-item"
        data-conversation-id={conversation.id}
      >
        <Avatar name={name} seed={conversation.visitor.id} size={36} />
        <span className="conv-item__body">
          <span className={`conv-item__top ${number === null ? 'conv-item__top--numbered' : ''}`}>
            <span className="conv-item__name">{name}</span>
            <IdentityBadge identity={conversation.visitor.context.identity} />
            {missed && (
              <span className="conv-item__missed" data-testid="missed-badge">
                {t('inbox.missed')}
              </span>
            )}
            <span className={`conv-item__meta ${meta.className}`} data-testid="conversation-clock">
              {meta.srPrefix && <span className="sr-only">{meta.srPrefix} </span>}
              {meta.label}
            </span>
          </span>
          <span className="conv-item__preview" data-testid={snippet ? 'search-snippet' : undefined}>
            {snippet && snippet.length > 0 ? (
              <HighlightedText segments={snippet} />
            ) : typing ? (
              <em className="typing-text">{t('inbox.typing')}</em>
            ) : (
              conversation.lastMessagePreview || '—'
            )}
          </span>
          {(number || page) && (
            <span className="conv-item__page">
              {number && <span className="conv-item__number">{number}</span>}
              {number && page ? ' · ' : ''}
              {page}
            </span>
          )}
          {conversation.labels.length > 0 && (
            <span className="conv-item__labels">
              <LabelChips labels={conversation.labels} compact />
            </span>
          )}
        </span>
        {unread && <span className="conv-item__dot" aria-label={t('inbox.unread')} />}
      </Link>
    </li>
  );
});
