import { describe, expect, it } from 'vitest';
import { conversationDtoFixture } from './conversation.fixture';
import { notificationText } from './notification-text';

const RLO = '\u202e';

function withVisitor(displayName: string, preview: string) {
  const base = conversationDtoFixture();
  return { ...base, visitor: { ...base.visitor, displayName }, lastMessagePreview: preview };
}

describe('notificationText', () => {
  it('strips bidi controls from the visitor name and preview in titles and bodies', () => {
    const conversation = withVisitor(`Bob${RLO}gnp.exe`, `see ${RLO}this\u2066 now\u200f`);
    for (const language of ['en', 'es'] as const) {
      for (const kind of ['visitor_message', 'conversation_unassigned', 'conversation_assigned'] as const) {
        const { title, body } = notificationText(kind, conversation, language);
        expect(`${title}|${body}`).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      }
    }
    expect(notificationText('visitor_message', conversation, 'en')).toEqual({
      title: 'New message from Bobgnp.exe',
      body: 'see this now',
    });
    expect(notificationText('conversation_unassigned', conversation, 'es').body).toBe(
      'Bobgnp.exe: see this now',
    );
  });

  it('keeps right-to-left names as they are', () => {
    expect(notificationText('visitor_message', withVisitor('محمد', 'مرحبا'), 'en').title).toBe(
      'New message from محمد',
    );
  });
});
