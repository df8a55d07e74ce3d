import { describe, expect, it } from 'vitest';
import { conversationDtoFixture } from './conversation.fixture';
import { messageSummary, notificationText } from './notification-text';
import type { TAttachmentDto, TMessageDto } from '@charla/protocol';

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

  it("says what a visitor sent when a message is only files, in the reader's language (issue 17)", () => {
    const photo = attachment('image', 'roof.jpg');
    const pdf = attachment('file', 'bill.pdf');
    const conversation = withVisitor('Ana', '📷 roof.jpg');
    expect(notificationText('visitor_message', conversation, 'en', message('', [photo]))).toEqual({
      title: 'New message from Ana',
      body: 'Sent a photo',
    });
    expect(notificationText('visitor_message', conversation, 'es', message('', [photo, photo])).body).toBe(
      'Envió 2 fotos',
    );
    expect(messageSummary(message('', [pdf]), 'de')).toBe('Hat eine Datei gesendet');
    expect(messageSummary(message('', [photo, pdf]), 'fr')).toBe('A envoyé 2 fichiers');
    expect(messageSummary(message('', [pdf]), 'pt-BR')).toBe('Enviou um arquivo');
    // A caption is the body; a message with neither text nor files falls back to the preview.
    expect(messageSummary(message('look at this', [photo]), 'en')).toBe('look at this');
    expect(messageSummary(message('  ', []), 'en')).toBeNull();
    expect(
      notificationText('visitor_message', withVisitor('Ana', 'earlier'), 'en', message('', [])).body,
    ).toBe('earlier');
  });
});

function attachment(kind: TAttachmentDto['kind'], name: string): TAttachmentDto {
  const contentType = kind === 'image' ? 'image/jpeg' : 'application/pdf';
  return { id: name, name, contentType, size: 1000, kind, width: null, height: null };
}

function message(text: string, attachments: TAttachmentDto[]): TMessageDto {
  return {
    id: 'm1',
    conversationId: 'c1',
    seq: 3,
    author: { kind: 'visitor', id: 'v1', name: 'Ana', avatarUrl: null },
    clientMsgId: null,
    body: { type: 'doc', content: text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [] },
    event: null,
    interaction: null,
    isError: false,
    attachments,
    createdAt: 0,
  };
}
