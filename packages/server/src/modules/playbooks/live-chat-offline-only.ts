import type { TPlaybookDocument } from '@charla/protocol';

/** True when the flow has at least one live chat card. */
export function hasLiveChatCard(document: TPlaybookDocument): boolean {
  return document.flow.nodes.some((node) => node.type === 'live_chat');
}

/** R8: a live chat card can only go offline while its playbook is not embedded on a real page. */
export function isLiveChatOfflineOnly(document: TPlaybookDocument, embedded: boolean): boolean {
  return hasLiveChatCard(document) && !embedded;
}
