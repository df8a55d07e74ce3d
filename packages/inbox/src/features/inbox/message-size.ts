import type { TBlock, TRichText } from '@charla/protocol';
import { checkLength, frameFits, type TLengthCheck } from '@charla/protocol/client';
import { draftSchemas } from '../../lib/draft-schemas';
import { autolinkDoc, isRichTextEmpty, toPlainText } from '../../lib/rich-text';

export type ComposerSize = TLengthCheck & { body: TRichText; problem: null | 'tooLong' | 'tooComplex' };

// The longest ids a send frame carries: a body that fits beside them fits any real frame.
const LONGEST_ID = 'x'.repeat(64);
const EMPTY: TRichText = { type: 'doc', content: [] };

const isBlank = (block: TBlock) => isRichTextEmpty({ type: 'doc', content: [block] });

/** The draft without the blank lines around it, bare addresses linked (as a typed message's, R7). */
function messageBody(doc: TRichText): TRichText {
  const content = [...doc.content];
  while (content.length > 0 && isBlank(content[0] as TBlock)) content.shift();
  while (content.length > 0 && isBlank(content[content.length - 1] as TBlock)) content.pop();
  return autolinkDoc({ type: 'doc', content });
}

/**
 * Whether the composer's draft (the editor's rich-text AST) may be sent: its text within the
 * message length limit, and its formatting within the rich-text limits and the frame limit (so
 * the server never has to refuse or drop it). `body` is what is sent.
 */
export function composerSize(doc: TRichText): ComposerSize {
  const check = checkLength(toPlainText(doc).trim());
  if (check.over) return { ...check, body: EMPTY, problem: 'tooLong' };
  const body = messageBody(doc);
  const frame = { type: 'send', ref: LONGEST_ID, conversationId: LONGEST_ID, clientMsgId: LONGEST_ID, body };
  // The rich-text limits once the schemas have loaded (draft-schemas.ts); the frame limit always.
  const schema = draftSchemas()?.ZRichText;
  const fits = (schema ? schema.safeParse(body).success : true) && frameFits(frame);
  return { ...check, body, problem: fits ? null : 'tooComplex' };
}
