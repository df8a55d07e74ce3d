import type { TConversationDto, TMessageDto } from '@charla/protocol';

/** What a plain message changes on its conversation (the list row's activity and the read marks). */
const ACTIVITY: ReadonlySet<string> = new Set([
  'lastSeq',
  'lastMessageAt',
  'lastMessagePreview',
  'userReadSeq',
  'visitorReadSeq',
]);

/**
 * Whether two copies of a conversation differ only in their activity (issue 25): the header, the
 * composer and the side panel need not render again for a plain message. The reply clock lives in
 * `routing` and is compared by value (a message moves it: the header shows it).
 */
export function sameApartFromActivity(a: TConversationDto, b: TConversationDto): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof TConversationDto)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    if (ACTIVITY.has(key)) return true;
    if (key === 'routing') return sameShallow(a.routing, b.routing);
    return Object.is(a[key], b[key]);
  });
}

function sameShallow<T extends object>(a: T | null | undefined, b: T | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * The sequence number of the latest timeline event (a lead created, an assignment, a note):
 * what the side panel refreshes on, rather than on every message.
 */
export function latestEventSeq(messages: readonly TMessageDto[] | undefined): number {
  if (!messages) return 0;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message && message.event !== null) return message.seq;
  }
  return 0;
}
