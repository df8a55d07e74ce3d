import type { TConversationActivity, TMessageDto } from '@charla/protocol';

/**
 * A chat message goes to its sender as an ack, to the widget as a `message` frame and to every
 * inbox as one with the conversation's activity: its JSON is made once and spliced into each
 * (issue 25: the same message was serialized three times, about 3 µs each). A spliced frame reads
 * exactly as `JSON.stringify` of the frame object would: the same keys in the same order.
 */
const texts = new WeakMap<TMessageDto, string>();

/** The message's JSON, made at its first frame (a DTO is never changed once built). */
export function messageJson(message: TMessageDto): string {
  let text = texts.get(message);
  if (text === undefined) texts.set(message, (text = JSON.stringify(message)));
  return text;
}

function activityTail(activity: TConversationActivity | undefined): string {
  return activity === undefined ? '' : `,"activity":${JSON.stringify(activity)}`;
}

/** `{ type: 'message', message, activity }` as JSON (no `activity` key when there is none). */
export function messageFrameJson(message: TMessageDto, activity?: TConversationActivity): string {
  return `{"type":"message","message":${messageJson(message)}${activityTail(activity)}}`;
}

export type AckFrame = {
  type: 'ack';
  ref?: string | undefined;
  clientMsgId: string;
  message: TMessageDto;
  activity?: TConversationActivity | undefined;
};

/** `{ type: 'ack', ref, clientMsgId, message, activity }` as JSON (absent keys left out). */
export function ackFrameJson(frame: AckFrame): string {
  const ref = frame.ref === undefined ? '' : `,"ref":${JSON.stringify(frame.ref)}`;
  const id = JSON.stringify(frame.clientMsgId);
  return `{"type":"ack"${ref},"clientMsgId":${id},"message":${messageJson(frame.message)}${activityTail(frame.activity)}}`;
}
