import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { attachmentLinks } from './attachment-links';

/** True once the element came near the visible part of the page (and stays true). */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    if (typeof IntersectionObserver === 'undefined') return setSeen(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
}

/** A failed picture gets one more link (the old one may have expired); then it shows as unavailable. */
const MAX_REFRESHES = 1;

/**
 * The signed URL of a sent picture, asked for only once `wanted` (on screen, or in the viewer).
 * `failed()` goes on `<img onError>`: a new link is signed once, in case the old one expired.
 */
export function useAttachmentUrl(conversationId: string, attachmentId: string, wanted: boolean) {
  const [url, setUrl] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  const refreshes = useRef(0);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    attachmentLinks.get(conversationId, attachmentId).then(
      (link) => live && setUrl(link),
      () => live && setBroken(true),
    );
    return () => {
      live = false;
    };
  }, [conversationId, attachmentId, wanted]);

  const failed = useCallback(() => {
    if (refreshes.current >= MAX_REFRESHES) return setBroken(true);
    refreshes.current += 1;
    attachmentLinks.fresh(conversationId, attachmentId).then(setUrl, () => setBroken(true));
  }, [conversationId, attachmentId]);

  return { url: broken ? null : url, broken, failed };
}
