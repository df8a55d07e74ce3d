import { autolinkDoc } from './autolink';
import { parseMarkdown } from './parse-markdown';
import type { TBlock, TRichText } from './rich-text.schema';

// Chat messages as people type them (R7): the Markdown subset (bold, italic, links, bullet
// lists) with bare web addresses linked, as chat products show them. Playbook texts and notes
// keep plain parseMarkdown: what an admin wrote there is stored as written.

/** A user's chat message from the inbox composer. */
export function parseMessageText(text: string): TRichText {
  return autolinkDoc(parseMarkdown(text));
}

/**
 * What a visitor typed, read like a user's message. An image a visitor writes is shown as a
 * link to it instead: a picture from a visitor-chosen server would load in every user's inbox
 * by itself.
 */
export function parseVisitorText(text: string): TRichText {
  return imagesAsLinks(parseMessageText(text));
}

/** The document with each image replaced by a link to it (the server applies it to every visitor message). */
export function imagesAsLinks(doc: TRichText): TRichText {
  if (!doc.content.some((block) => block.type === 'image')) return doc;
  return { type: 'doc', content: doc.content.map(imageAsLink) };
}

function imageAsLink(block: TBlock): TBlock {
  if (block.type !== 'image') return block;
  return {
    type: 'paragraph',
    content: [{ type: 'text', text: block.alt || block.src, marks: [{ type: 'link', href: block.src }] }],
  };
}
