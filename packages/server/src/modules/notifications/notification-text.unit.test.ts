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

  it("words the notification in the recipient's language, the numbered visitor included (issue 23)", () => {
    const base = conversationDtoFixture();
    const anonymous = withVisitor(`Visitor #${base.visitor.number}`, 'Hola');
    expect(notificationText('visitor_message', anonymous, 'es').title).toBe(
      `Nuevo mensaje de Visitante #${base.visitor.number}`,
    );
    expect(notificationText('visitor_message', anonymous, 'fr').title).toBe(
      `Nouveau message de Visiteur nº ${base.visitor.number}`,
    );
    expect(notificationText('conversation_unassigned', anonymous, 'de').title).toBe('Neues Gespräch wartet');
    expect(notificationText('test', null, 'pt-BR')).toEqual({
      title: 'Notificação de teste',
      body: 'As notificações funcionam neste dispositivo.',
    });
    expect(notificationText('test', null, 'en-XA').title).toMatch(/^\[Ţéšţ ñöţîƒîçåţîöñ !+\]$/);
    expect(notificationText('visitor_message', withVisitor('A$&B', ''), 'en').title).toBe(
      'New message from A$&B',
    );
  });
});
