import type { TFunction } from 'i18next';
import type { TTimelineEvent } from '@charla/protocol';

/** The timeline line of the ownership watchdog (issue 19). */
export function lapsedText(
  t: TFunction,
  event: Extract<TTimelineEvent, { type: 'ownership_lapsed' }>,
): string {
  const name = event.fromName;
  if (event.reason === 'assignee_offline') return t('availability.timeline.lapsedOffline', { name });
  return event.minutes === null
    ? t('availability.timeline.lapsedNoReplyUnknown', { name })
    : t('availability.timeline.lapsedNoReply', { name, minutes: event.minutes });
}
