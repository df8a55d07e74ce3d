import type { TAttachmentDto } from '@charla/protocol';
import { inboxApi } from '../inbox-api';
import { createLinkCache } from '@charla/protocol/client';

/** The inbox's signed links to sent files, shared by every thumbnail, viewer and download. */
export const attachmentLinks = createLinkCache({ fetchLink: inboxApi.attachmentLink, now: () => Date.now() });

/**
 * Saves a sent file under its name through a link signed now (links last 15 minutes): same origin,
 * so the browser's download carries the session cookie the link is bound to.
 */
export async function downloadAttachment(conversationId: string, attachment: TAttachmentDto): Promise<void> {
  const url = await attachmentLinks.fresh(conversationId, attachment.id);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = attachment.name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
