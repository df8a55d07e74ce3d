// The widget's visitor-facing words (R26), chosen by the playbook's language; the pseudo-locales
// are generated from the English words.

import { de } from './i18n.de';
import { fr } from './i18n.fr';
import { ptBR } from './i18n.pt-BR';
import { isolateBidi, matchLanguage, pseudoDictionary, type TLanguage } from './lib/protocol-runtime';

const en = {
  minimize: 'Minimize chat',
  botSubtitle: 'Virtual assistant',
  waitingSubtitle: 'Connecting you with the team…',
  agentSubtitle: 'Customer support',
  endedSubtitle: 'Conversation ended',
  messages: 'Messages',
  messageLabel: 'Message',
  placeholder: 'Write a message…',
  chooseAbove: 'Choose an option above',
  botThinking: 'Just a moment…',
  send: 'Send',
  skip: 'Skip',
  sending: 'Sending…',
  sent: 'Sent',
  seen: 'Seen',
  failed: 'Not sent.',
  failedTooLong: 'Not sent: the message is too long.',
  failedEnded: 'Not sent: the conversation has ended.',
  failedRefused: 'Not sent: the chat did not accept this message.',
  charsLeft_one: '{count} character left',
  charsLeft_other: '{count} characters left',
  tooLong_one: 'Too long by {count} character. Shorten it to send.',
  tooLong_other: 'Too long by {count} characters. Shorten it to send.',
  retry: 'Retry',
  you: 'You',
  typing: '{name} is typing…',
  joined: '{name} joined the conversation',
  waiting: 'Waiting for someone from our team',
  timeLeft: '{time} left',
  ended: 'This conversation has ended.',
  startNew: 'Start a new conversation',
  offline: 'You’re offline. We’ll send your messages when you’re back.',
  reconnecting: 'Reconnecting…',
  unavailable: 'The chat is unavailable right now. Please try again later.',
  poweredBy: 'Powered by Charla',
  privacy: 'Privacy',
  rateTitle: 'How was this conversation?',
  rateStars: '{n} out of 5 stars',
  rateUp: 'Good',
  rateDown: 'Bad',
  rateComment: 'Tell us more (optional)',
  rateSend: 'Send rating',
  ratePick: 'Choose a rating first.',
  rateThanks: 'Thanks for your rating!',
  rateChange: 'Change my rating',
  rateClosed: 'This conversation can no longer be rated.',
  rateFailed: 'Your rating was not sent. Please try again.',
  transcriptAsk: 'Email me this conversation',
  transcriptEmail: 'Your email address',
  transcriptSend: 'Send',
  transcriptSent: 'We’ve emailed you a copy of this conversation.',
  transcriptInvalid: 'That doesn’t look like an email address.',
  transcriptFailed: 'The copy could not be sent. Please try again later.',
  attach: 'Attach files',
  trayLabel: 'Files to send',
  dropFiles: 'Drop files here to send them',
  removeFile: 'Remove {name}',
  cancelUpload: 'Cancel the upload of {name}',
  uploading: 'Uploading… {percent}%',
  uploadTooLarge: 'Too large to send.',
  uploadType: 'Only images and PDF files can be sent.',
  uploadUnreadable: 'This file could not be read.',
  uploadQuota: 'This conversation has no room for more files.',
  uploadLimited: 'Too many files at once. Try again in a minute.',
  uploadNetwork: 'Connection lost. It will upload again when you’re back online.',
  uploadFailed: 'Could not upload this file.',
  uploadClosed: 'The conversation has ended.',
  tooManyFiles: 'Up to {count} files per message.',
  openImage: 'Open image {name}',
  closeImage: 'Close',
  download: 'Download',
  downloadFile: 'Download {name}',
} as const;

export type TTextKey = keyof typeof en;

/** The keys with plural forms (`charsLeft` for `charsLeft_one`, `charsLeft_other`, …). */
export type TPluralKey = { [K in TTextKey]: K extends `${infer Base}_other` ? Base : never }[TTextKey];

/**
 * One language's words: English's keys, and `key_many` beside `key_other` where the language's
 * plural rules have a `many` (Spanish, French, Portuguese: 1 000 000 de …).
 */
export type TWidgetDictionary = Record<TTextKey, string> & { [K in TPluralKey as `${K}_many`]?: string };

const es: TWidgetDictionary = {
  minimize: 'Minimizar el chat',
  botSubtitle: 'Asistente virtual',
  waitingSubtitle: 'Te estamos conectando con el equipo…',
  agentSubtitle: 'Atención al cliente',
  endedSubtitle: 'Conversación finalizada',
  messages: 'Mensajes',
  messageLabel: 'Mensaje',
  placeholder: 'Escribe un mensaje…',
  chooseAbove: 'Elige una opción de arriba',
  botThinking: 'Un momento…',
  send: 'Enviar',
  skip: 'Omitir',
  sending: 'Enviando…',
  sent: 'Enviado',
  seen: 'Visto',
  failed: 'No enviado.',
  failedTooLong: 'No enviado: el mensaje es demasiado largo.',
  failedEnded: 'No enviado: la conversación ha finalizado.',
  failedRefused: 'No enviado: el chat no aceptó este mensaje.',
  charsLeft_one: 'Queda {count} carácter',
  charsLeft_other: 'Quedan {count} caracteres',
  charsLeft_many: 'Quedan {count} de caracteres',
  tooLong_one: 'Sobra {count} carácter. Acórtalo para enviarlo.',
  tooLong_other: 'Sobran {count} caracteres. Acórtalo para enviarlo.',
  tooLong_many: 'Sobran {count} de caracteres. Acórtalo para enviarlo.',
  retry: 'Reintentar',
  you: 'Tú',
  typing: '{name} está escribiendo…',
  joined: '{name} se ha unido a la conversación',
  waiting: 'Esperando a alguien de nuestro equipo',
  timeLeft: 'quedan {time}',
  ended: 'Esta conversación ha finalizado.',
  startNew: 'Iniciar una nueva conversación',
  offline: 'Estás sin conexión. Enviaremos tus mensajes cuando vuelvas.',
  reconnecting: 'Reconectando…',
  unavailable: 'El chat no está disponible ahora mismo. Inténtalo más tarde.',
  poweredBy: 'Con la tecnología de Charla',
  privacy: 'Privacidad',
  rateTitle: '¿Qué tal ha ido la conversación?',
  rateStars: '{n} de 5 estrellas',
  rateUp: 'Bien',
  rateDown: 'Mal',
  rateComment: 'Cuéntanos más (opcional)',
  rateSend: 'Enviar valoración',
  ratePick: 'Elige primero una valoración.',
  rateThanks: '¡Gracias por tu valoración!',
  rateChange: 'Cambiar mi valoración',
  rateClosed: 'Esta conversación ya no se puede valorar.',
  rateFailed: 'Tu valoración no se ha enviado. Inténtalo de nuevo.',
  transcriptAsk: 'Enviarme esta conversación por email',
  transcriptEmail: 'Tu dirección de email',
  transcriptSend: 'Enviar',
  transcriptSent: 'Te hemos enviado una copia de esta conversación por email.',
  transcriptInvalid: 'Eso no parece una dirección de email.',
  transcriptFailed: 'No se pudo enviar la copia. Inténtalo más tarde.',
  attach: 'Adjuntar archivos',
  trayLabel: 'Archivos para enviar',
  dropFiles: 'Suelta los archivos aquí para enviarlos',
  removeFile: 'Quitar {name}',
  cancelUpload: 'Cancelar la subida de {name}',
  uploading: 'Subiendo… {percent} %',
  uploadTooLarge: 'Demasiado grande para enviarlo.',
  uploadType: 'Solo se pueden enviar imágenes y archivos PDF.',
  uploadUnreadable: 'No se pudo leer este archivo.',
  uploadQuota: 'Esta conversación no admite más archivos.',
  uploadLimited: 'Demasiados archivos a la vez. Inténtalo dentro de un minuto.',
  uploadNetwork: 'Se perdió la conexión. Se volverá a subir cuando vuelvas a estar en línea.',
  uploadFailed: 'No se pudo subir este archivo.',
  uploadClosed: 'La conversación ha finalizado.',
  tooManyFiles: 'Hasta {count} archivos por mensaje.',
  openImage: 'Abrir la imagen {name}',
  closeImage: 'Cerrar',
  download: 'Descargar',
  downloadFile: 'Descargar {name}',
};

/** Every language's words (the pseudo-locales generated from English). */
export const dictionaries: Record<TLanguage, TWidgetDictionary> = {
  en,
  es,
  'pt-BR': ptBR,
  fr,
  de,
  'en-XA': pseudoDictionary(en),
  'ar-XB': pseudoDictionary(en, true),
};

export type TTranslate = (key: TTextKey | TPluralKey, params?: Record<string, string>) => string;

/**
 * The text of `key` in `dictionary`: a plural key takes the form `Intl.PluralRules` picks for
 * `params.count` in `language`, falling back to `_other` when the language has no such form (the
 * pseudo-locales, generated from English, read with Arabic's six categories).
 */
function lookup(
  dictionary: TWidgetDictionary,
  language: TLanguage,
  key: TTextKey | TPluralKey,
  count: string | undefined,
): string {
  if (key in dictionary) return dictionary[key as TTextKey];
  const category = new Intl.PluralRules(language).select(Number(count ?? 0));
  const forms = dictionary as Record<string, string | undefined>;
  return forms[`${key}_${category}`] ?? forms[`${key}_other`] ?? key;
}

/** A translator for one language; `{name}` placeholders are filled from params. */
export function createTranslator(language: string): TTranslate {
  const chosen = matchLanguage(language) ?? 'en';
  const dictionary = dictionaries[chosen];
  return (key, params) =>
    // Values (names) are bidi-isolated: an RLO in an agent's name cannot reverse the sentence.
    lookup(dictionary, chosen, key, params?.count).replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params?.[name];
      return value === undefined ? match : isolateBidi(value);
    });
}

/**
 * The language of the widget's own words: the playbook's, or the visitor's browser language when
 * the playbook allows it and Charla speaks it (the cards stay in the playbook's language).
 */
export function widgetLanguage(
  playbookLanguage: TLanguage,
  followBrowser: boolean | undefined,
  browserLanguages: readonly string[],
): TLanguage {
  if (!followBrowser) return playbookLanguage;
  for (const candidate of browserLanguages) {
    const match = matchLanguage(candidate);
    if (match) return match;
  }
  return playbookLanguage;
}

/** What a refused message says, from the server's error code (the catalogue's). */
export function failureTextKey(code: string | undefined): TTextKey {
  if (code === 'FRAME_TOO_LARGE' || code === 'VALIDATION_FAILED') return 'failedTooLong';
  if (code === 'CONVERSATION_CLOSED' || code === 'INVALID_TRANSITION' || code === 'ANSWER_NOT_EXPECTED')
    return 'failedEnded';
  return code ? 'failedRefused' : 'failed';
}

/** "m:ss" for a countdown. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
