import type { TAttachmentLinkDto } from '@charla/protocol';
import { startUpload } from '@charla/protocol/client';
import { conversationPath, createVisitorRest } from './visitor-rest';

/** A link is reused until this long before it expires (an image may still be loading with it). */
const LINK_MARGIN_MS = 60_000;

/**
 * The visitor's files (issue 17): uploads with progress (XMLHttpRequest: fetch cannot report it)
 * and the signed, short-lived links their files are shown and downloaded through.
 */
export function createUploadApi(token: () => string | null) {
  const call = createVisitorRest(token);
  const links = new Map<string, TAttachmentLinkDto>();
  return {
    upload(conversationId: string, file: File, onProgress: (share: number) => void) {
      return startUpload({
        xhr: new XMLHttpRequest(),
        path: conversationPath(conversationId, 'uploads'),
        name: file.name || 'file',
        size: file.size,
        body: file,
        headers: { authorization: `Visitor ${token() ?? ''}` },
        onProgress,
      });
    },
    async link(conversationId: string, attachmentId: string): Promise<string> {
      const known = links.get(attachmentId);
      if (known && known.expiresAt - LINK_MARGIN_MS > Date.now()) return known.url;
      const fresh = await call<TAttachmentLinkDto>(
        conversationPath(conversationId, `attachments/${encodeURIComponent(attachmentId)}/link`),
      );
      links.set(attachmentId, fresh);
      return fresh.url;
    },
  };
}

export type TUploadApi = ReturnType<typeof createUploadApi>;
