import type { TMessageDto } from '@charla/protocol';

/**
 * How long a bot message "types" before it shows: long enough to read as a conversation, short
 * enough never to feel slow (0.45 s – 1.4 s, growing with the text).
 */
export function botTypingDelayMs(message: Pick<TMessageDto, 'body'>): number {
  let chars = 0;
  for (const block of message.body.content) {
    const paragraphs = block.type === 'paragraph' ? [block] : block.type === 'bullet_list' ? block.items : [];
    for (const p of paragraphs) for (const node of p.content ?? []) chars += node.text.length;
  }
  const hasImage = message.body.content.some((block) => block.type === 'image');
  // Nothing to read (a question re-asked only through its buttons or input): no typing at all.
  if (chars === 0 && !hasImage) return 0;
  return Math.min(1400, Math.max(450, 300 + chars * 10));
}
