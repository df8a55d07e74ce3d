import type { TAttachmentLinkDto } from '@charla/protocol';
import { createLinkCache, startUpload } from '@charla/protocol/client';
import { conversationPath, createVisitorRest } from './visitor-rest';

/**
 * The visitor's files (issue 17): uploads with progress (XMLHttpRequest: fetch cannot report it)
 * and the signed, short-lived links their files are shown and downloaded through.
 */
export function createUploadApi(token: () => string | null) {
  const call = createVisitorRest(token);
  // The shared cache: a link is reused while valid, concurrent asks share one request.
  const links = createLinkCache({
    fetchLink: (conversationId, attachmentId) =>
      call<TAttachmentLinkDto>(
        conversationPath(conversationId, `attachments/${encodeURIComponent(attachmentId)}/link`),
      ),
    now: Date.now,
  });
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
    link: (conversationId: string, attachmentId: string) => links.get(conversationId, attachmentId),
    /** A new link: the one in hand failed (expired while the picture loaded), or a download. */
    freshLink: (conversationId: string, attachmentId: string) => links.fresh(conversationId, attachmentId),
  };
}

export type TUploadApi = ReturnType<typeof createUploadApi>;
