import type { TAttachmentLinkDto } from '../api/attachments.schema';

/** A link is not handed out in its last minute: the image or download it starts may take that long. */
export const LINK_MARGIN_MS = 60_000;

export type TLinkCacheDeps = {
  fetchLink: (conversationId: string, attachmentId: string) => Promise<TAttachmentLinkDto>;
  now: () => number;
};

/**
 * Signed file links (15 minutes, docs/attachments.md), fetched when a file is first shown and
 * reused while valid, so a picture keeps one URL (and the browser's cache) instead of a new token
 * per render. Concurrent asks share one request; a failed one is not remembered.
 */
export function createLinkCache(deps: TLinkCacheDeps) {
  const known = new Map<string, TAttachmentLinkDto>();
  const inFlight = new Map<string, Promise<TAttachmentLinkDto>>();

  function get(conversationId: string, attachmentId: string): Promise<string> {
    const link = known.get(attachmentId);
    if (link && link.expiresAt - LINK_MARGIN_MS > deps.now()) return Promise.resolve(link.url);
    let request = inFlight.get(attachmentId);
    if (!request) {
      request = deps.fetchLink(conversationId, attachmentId).finally(() => inFlight.delete(attachmentId));
      inFlight.set(attachmentId, request);
      request.then(
        (fetched) => known.set(attachmentId, fetched),
        () => known.delete(attachmentId),
      );
    }
    return request.then((fetched) => fetched.url);
  }

  return {
    get,
    /** A new link now: the old one failed (expired, or the picture did not load), or a download. */
    fresh(conversationId: string, attachmentId: string): Promise<string> {
      known.delete(attachmentId);
      return get(conversationId, attachmentId);
    },
  };
}
export type TLinkCache = ReturnType<typeof createLinkCache>;
