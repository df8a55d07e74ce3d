import {
  isVisitorNumberLabel,
  toPlainText,
  stripBidiControls,
  visitorNumberLabel,
  withPseudoLocales,
  type TConversationDto,
  type TLanguage,
  type TMessageDto,
  type TPushPayload,
} from '@charla/protocol';

const MAX_BODY = 160;

// `{name}` is the visitor's label, filled in after the text is chosen.
const texts = withPseudoLocales({
  en: {
    conversation_unassigned: 'New conversation waiting',
    conversation_assigned: 'Conversation assigned to you',
    visitor_message: 'New message from {name}',
    mention: 'You were mentioned in a private note',
    test: 'Test notification',
    testBody: 'Notifications work on this device.',
  },
  es: {
    conversation_unassigned: 'Nueva conversación en espera',
    conversation_assigned: 'Conversación asignada a ti',
    visitor_message: 'Nuevo mensaje de {name}',
    mention: 'Te mencionaron en una nota privada',
    test: 'Notificación de prueba',
    testBody: 'Las notificaciones funcionan en este dispositivo.',
  },
  'pt-BR': {
    conversation_unassigned: 'Nova conversa aguardando',
    conversation_assigned: 'Conversa atribuída a você',
    visitor_message: 'Nova mensagem de {name}',
    mention: 'Você foi mencionado em uma nota privada',
    test: 'Notificação de teste',
    testBody: 'As notificações funcionam neste dispositivo.',
  },
  fr: {
    conversation_unassigned: 'Nouvelle conversation en attente',
    conversation_assigned: 'Conversation qui vous est attribuée',
    visitor_message: 'Nouveau message de {name}',
    mention: 'Vous avez été mentionné dans une note privée',
    test: 'Notification de test',
    testBody: 'Les notifications fonctionnent sur cet appareil.',
  },
  de: {
    conversation_unassigned: 'Neues Gespräch wartet',
    conversation_assigned: 'Gespräch dir zugewiesen',
    visitor_message: 'Neue Nachricht von {name}',
    mention: 'Du wurdest in einer privaten Notiz erwähnt',
    test: 'Testbenachrichtigung',
    testBody: 'Benachrichtigungen funktionieren auf diesem Gerät.',
  },
});

type FilesWords = { photo: string; photos: string; file: string; files: string };

// What a message that is only files says in a notification (issue 17); `{count}` is filled in.
const filesTexts = withPseudoLocales<FilesWords>({
  en: {
    photo: 'Sent a photo',
    photos: 'Sent {count} photos',
    file: 'Sent a file',
    files: 'Sent {count} files',
  },
  es: {
    photo: 'Envió una foto',
    photos: 'Envió {count} fotos',
    file: 'Envió un archivo',
    files: 'Envió {count} archivos',
  },
  'pt-BR': {
    photo: 'Enviou uma foto',
    photos: 'Enviou {count} fotos',
    file: 'Enviou um arquivo',
    files: 'Enviou {count} arquivos',
  },
  fr: {
    photo: 'A envoyé une photo',
    photos: 'A envoyé {count} photos',
    file: 'A envoyé un fichier',
    files: 'A envoyé {count} fichiers',
  },
  de: {
    photo: 'Hat ein Foto gesendet',
    photos: 'Hat {count} Fotos gesendet',
    file: 'Hat eine Datei gesendet',
    files: 'Hat {count} Dateien gesendet',
  },
});

/**
 * The body of a notification about this message: its text, or for files without a caption what
 * was sent ("Sent a photo", "Sent 3 files") in the reader's language; null when there is neither.
 */
export function messageSummary(message: TMessageDto, language: TLanguage): string | null {
  const text = stripBidiControls(toPlainText(message.body)).trim();
  if (text !== '') return text;
  const files = message.attachments;
  if (files.length === 0) return null;
  const words = filesTexts[language];
  const photos = files.every((f) => f.kind === 'image');
  const template =
    files.length === 1 ? (photos ? words.photo : words.file) : photos ? words.photos : words.files;
  return template.replace('{count}', String(files.length));
}

/**
 * Title and body (plain text, shortened) of a notification in the user's language; never HTML.
 * Bidi controls are stripped from the visitor's text: the OS draws these titles, and an RLO in a
 * name would reverse the rest of the line there ("New message from Bob‮…").
 */
export function notificationText(
  kind: TPushPayload['kind'],
  conversation: TConversationDto | null,
  language: TLanguage,
  /** The message a `visitor_message` notification is about (its text or files make the body). */
  message?: TMessageDto,
): { title: string; body: string } {
  const t = texts[language];
  if (kind === 'test' || !conversation) return { title: t.test, body: t.testBody };
  const { displayName, number } = conversation.visitor;
  // The numbered fallback is said in the reader's language, not the one the DTO was built in.
  const name = isVisitorNumberLabel(displayName, number)
    ? visitorNumberLabel(number, language)
    : stripBidiControls(displayName);
  const summary = message ? messageSummary(message, language) : null;
  const preview = summary ?? stripBidiControls(conversation.lastMessagePreview).trim();
  if (kind === 'visitor_message')
    return { title: t.visitor_message.replace('{name}', () => name), body: shorten(preview || name) };
  return { title: t[kind], body: shorten(preview ? `${name}: ${preview}` : name) };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_BODY ? `${flat.slice(0, MAX_BODY - 1)}…` : flat;
}
