import { useMemo } from 'react';
import type { TRichText } from '@charla/protocol';
import { renderHtml } from '../../lib/rich-text';

/** Rich text through the protocol's sanitising renderer, the only HTML the inbox ever injects. */
export function RichTextView({ doc, className }: { doc: TRichText; className?: string }) {
  const html = useMemo(() => renderHtml(doc), [doc]);
  return <div className={`rich ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
