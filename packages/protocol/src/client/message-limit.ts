import { MAX_FRAME_BYTES } from '../api/realtime-limits';

/**
 * The longest message a person may type, in characters of the text as typed. Every message
 * therefore fits one rich-text node and its frame stays far below the server's frame limit,
 * which answers a larger frame with FRAME_TOO_LARGE (or drops the socket when it is huge).
 */
export const MAX_MESSAGE_CHARS = 5000;
/** The longest typed answer to a bot question (the answer frame's own limit). */
export const MAX_ANSWER_CHARS = 2000;
/** The counter shows from this share of the limit on, so nobody is surprised at the end. */
const NEAR_LIMIT_SHARE = 0.9;

export type TLengthCheck = { length: number; max: number; near: boolean; over: boolean };

/** Where a draft stands against its limit: the composers show a counter and block Send when over. */
export function checkLength(text: string, max = MAX_MESSAGE_CHARS): TLengthCheck {
  const length = text.length;
  return { length, max, near: length >= Math.floor(max * NEAR_LIMIT_SHARE), over: length > max };
}

const encoder = new TextEncoder();

/** True when the frame, serialized, is within the server's frame limit (bytes of UTF-8). */
export function frameFits(frame: unknown): boolean {
  return encoder.encode(JSON.stringify(frame)).length <= MAX_FRAME_BYTES;
}
