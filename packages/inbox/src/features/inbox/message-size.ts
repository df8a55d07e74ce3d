import type { TRichText } from '@charla/protocol';
import { checkLength, frameFits, type TLengthCheck } from '@charla/protocol/client';
import { draftSchemas } from '../../lib/draft-schemas';
import { parseMessageText } from '../../lib/rich-text';

export type ComposerSize = TLengthCheck & { body: TRichText; problem: null | 'tooLong' | 'tooComplex' };

// The longest ids a send frame carries: a body that fits beside them fits any real frame.
const LONGEST_ID = 'x'.repeat(64);

/**
 * Whether the draft may be sent: within the message length limit, and its formatting within the
 * rich-text limits and the frame limit (so the server never has to refuse or drop it).
 */
export function composerSize(text: string): ComposerSize {
  const check = checkLength(text.trim());
  const body = parseMessageText(check.over ? '' : text);
  if (check.over) return { ...check, body, problem: 'tooLong' };
  const frame = { type: 'send', ref: LONGEST_ID, conversationId: LONGEST_ID, clientMsgId: LONGEST_ID, body };
  // The rich-text limits once the schemas have loaded (draft-schemas.ts); the frame limit always.
  const schema = draftSchemas()?.ZRichText;
  const fits = (schema ? schema.safeParse(body).success : true) && frameFits(frame);
  return { ...check, body, problem: fits ? null : 'tooComplex' };
}
