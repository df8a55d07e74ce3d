import { describe, expect, it } from 'vitest';
import type { TWidgetConfig } from '../../shared/widget-config';
import type { TTranslate } from '../i18n';
import { conversationOf, messageOf } from '../state/chat-state.fixtures';
import { initialChatState, reduce } from '../state/chat-state';
import { rowsOf } from './message-list';

const t = ((key: string) => key) as TTranslate;
const config = { appearance: { botName: 'Ada', avatarUrl: null } } as unknown as TWidgetConfig;

function stateWith(botWorking: boolean) {
  const withConversation = reduce(initialChatState(), {
    type: 'conversation',
    conversation: conversationOf({ botWorking, lastSeq: 1 }),
  });
  return reduce(withConversation, { type: 'messages', messages: [messageOf(1)], history: true });
}

describe('rowsOf', () => {
  it('shows the bot typing while it works on a wait or HTTP request card', () => {
    expect(rowsOf(stateWith(true), t, false, config).at(-1)).toMatchObject({ kind: 'typing', name: 'Ada' });
  });

  it('shows no typing row once the bot is done', () => {
    expect(rowsOf(stateWith(false), t, false, config).map((r) => r.kind)).toEqual(['message']);
  });
});
