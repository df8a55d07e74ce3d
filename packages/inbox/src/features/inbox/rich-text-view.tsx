import { memo } from 'react';
import type { TRichText } from '@charla/protocol';
import { renderHtml } from '../../lib/rich-text';

// Message bodies are immutable objects kept by the thread state: render each one to HTML once,
// even when its row remounts (reopening a conversation, switching back to it).
const htmlByDoc = new WeakMap<TRichText, string>();

function htmlOf(doc: TRichText): string {
  let html = htmlByDoc.get(doc);
  if (html === undefined) htmlByDoc.set(doc, (html = renderHtml(doc)));
  return html;
}

/** Rich text through the protocol's sanitising renderer, the only HTML the inbox ever injects. */
export const RichTextView = memo(function RichTextView({
  doc,
  className,
}: {
  doc: TRichText;
  className?: string;
}) {
  return <div className={`rich ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: htmlOf(doc) }} />;
});
