import { toPlainText, type TPlaybookNode, type TPlaybookNodeType } from '@charla/protocol';
import type { AdminIconName } from './admin-icons';

export const CARD_ICONS: Record<TPlaybookNodeType, AdminIconName> = {
  message: 'message',
  question: 'help',
  capture: 'form',
  live_chat: 'headset',
  end: 'flag',
  condition: 'branch',
  set_variable: 'variable',
  http_request: 'globe',
  wait: 'hourglass',
};

/** The text a card names itself by (links, screen readers): its title, else its text. */
export function cardSummary(node: TPlaybookNode): string {
  return node.label || cardText(node);
}

/** The start of what the bot says or does at a card (its setting, for cards that say nothing). */
export function cardText(node: TPlaybookNode): string {
  if (node.type === 'set_variable')
    return node.variable ? `${node.variable} = ${node.value}`.slice(0, 90) : '';
  if (node.type === 'condition' || node.type === 'wait') return '';
  if (node.type === 'http_request') return node.url ? `${node.method} ${node.url}`.slice(0, 90) : '';
  const doc =
    node.type === 'message' || node.type === 'question'
      ? node.content
      : node.type === 'capture'
        ? node.prompt
        : node.type === 'live_chat'
          ? node.onlineMessage
          : node.closingMessage;
  const text = doc ? toPlainText(doc).replace(/\s+/g, ' ').trim() : '';
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}
