import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMessageDto, TTimelineEvent } from '@charla/protocol';
import { Icon } from '../../lib/icons';
import { RichTextView } from './rich-text-view';

/** A private note in the timeline (issue 16): amber, a lock and "Private note", never like a reply. */
export const NoteItem = memo(function NoteItem({ message, time }: { message: TMessageDto; time: string }) {
  const { t } = useTranslation();
  const mentions = message.event?.type === 'note' ? message.event.mentions : [];
  return (
    <div className="msg msg--out msg--note msg--first" data-testid="message-note">
      <div className="msg__stack">
        <span className="note__label">
          <Icon name="lock" size={13} />
          <span>{t('notes.privateBadge')}</span>
          <span aria-hidden="true">·</span>
          <bdi>{message.author.name}</bdi>
        </span>
        <div className="msg__bubble" aria-label={t('notes.label')}>
          <RichTextView doc={message.body} />
          {mentions.length > 0 && (
            <p className="note__mentions">
              {mentions.map((m) => (
                <span key={m.userId} className="note__mention" data-testid="note-mention">
                  @<bdi>{m.name}</bdi>
                </span>
              ))}
            </p>
          )}
        </div>
        <span className="msg__time">
          <time>{time}</time> · {t('notes.onlyTeam')}
        </span>
      </div>
    </div>
  );
});

/** The timeline line of a mention grant: "Ana mentioned Bob: they can read this conversation" (R29). */
export const MentionedLine = memo(function MentionedLine({
  event,
  time,
}: {
  event: Extract<TTimelineEvent, { type: 'mentioned' }>;
  time: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="tl-event" data-testid="event-mentioned">
      <span className="tl-event__line">
        <Icon name="atSign" size={14} />
        <span>{t('notes.mentioned', { by: event.byName, name: event.userName })}</span>
        <time className="tl-event__time">{time}</time>
      </span>
    </div>
  );
});
