import type { TLanguage } from '../../common';
import { withPseudoLocales } from '../../i18n/languages';
import type { TPlaybookDocument } from '../playbook.schema';
import {
  emailCapture,
  edges,
  layout,
  paragraphs,
  phoneCapture,
  playbookDocument,
  textCapture,
} from './template-builders';
import { BOT_NAME, EMAIL_CAPTURE, NAME_CAPTURE } from './shared-texts';

const TEXTS = withPseudoLocales({
  en: {
    greeting: 'Hi! 👋 Leave your contact details and we’ll get back to you.',
    phone: {
      prompt: 'And your phone number? (optional)',
      placeholder: '+1 555 123 4567',
      error: 'Please enter a phone number with its country code, like +1 555 123 4567.',
    },
    closing: 'Thanks, {{visitor_name}}! We’ll be in touch soon.',
    leadTitle: '{{visitor_name}} – contact request',
    activitySubject: 'Get back to {{visitor_name}}',
  },
  es: {
    greeting: '¡Hola! 👋 Déjanos tus datos de contacto y te responderemos.',
    phone: {
      prompt: '¿Y tu número de teléfono? (opcional)',
      placeholder: '+34 612 345 678',
      error: 'Escribe un número de teléfono con su prefijo de país, como +34 612 345 678.',
    },
    closing: '¡Gracias, {{visitor_name}}! Nos pondremos en contacto contigo pronto.',
    leadTitle: '{{visitor_name}} – solicitud de contacto',
    activitySubject: 'Responder a {{visitor_name}}',
  },

  'pt-BR': {
    greeting: 'Olá! 👋 Deixe seus dados de contato e retornaremos.',
    phone: {
      prompt: 'E seu telefone? (opcional)',
      placeholder: '+55 11 91234 5678',
      error: 'Digite um telefone com o código do país, como +55 11 91234 5678.',
    },
    closing: 'Obrigado, {{visitor_name}}! Entraremos em contato em breve.',
    leadTitle: '{{visitor_name}} – pedido de contato',
    activitySubject: 'Retornar para {{visitor_name}}',
  },
  fr: {
    greeting: 'Bonjour ! 👋 Laissez vos coordonnées et nous vous recontacterons.',
    phone: {
      prompt: 'Et votre numéro de téléphone ? (facultatif)',
      placeholder: '+33 6 12 34 56 78',
      error: 'Saisissez un numéro avec son indicatif pays, comme +33 6 12 34 56 78.',
    },
    closing: 'Merci, {{visitor_name}} ! Nous vous recontacterons bientôt.',
    leadTitle: '{{visitor_name}} – demande de contact',
    activitySubject: 'Recontacter {{visitor_name}}',
  },
  de: {
    greeting: 'Hallo! 👋 Hinterlass deine Kontaktdaten, wir melden uns.',
    phone: {
      prompt: 'Und deine Telefonnummer? (optional)',
      placeholder: '+49 151 2345 6789',
      error: 'Gib eine Telefonnummer mit Ländervorwahl ein, etwa +49 151 2345 6789.',
    },
    closing: 'Danke, {{visitor_name}}! Wir melden uns bald.',
    leadTitle: '{{visitor_name}} – Kontaktanfrage',
    activitySubject: 'Bei {{visitor_name}} melden',
  },
});

/** Name, email and an optional phone, then a person and a lead. */
export function buildContactCapturePlaybook(language: TLanguage): TPlaybookDocument {
  const t = TEXTS[language];
  return playbookDocument({
    language,
    botName: BOT_NAME[language],
    startNodeId: 'greeting',
    nodes: layout(
      [
        { id: 'greeting', type: 'message', content: paragraphs(t.greeting) },
        textCapture('ask_name', 'name', 'visitor_name', NAME_CAPTURE[language]),
        emailCapture('ask_email', EMAIL_CAPTURE[language]),
        phoneCapture('ask_phone', t.phone),
        {
          id: 'end_contact',
          type: 'end',
          outcome: 'qualified',
          closingMessage: paragraphs(t.closing),
          crm: {
            person: { mode: 'upsert_by_email_or_phone' },
            organization: { mode: 'none' },
            record: { kind: 'lead', titleTemplate: t.leadTitle },
            activity: { type: 'task', subjectTemplate: t.activitySubject, dueInMinutes: 24 * 60 },
            owner: { strategy: 'unassigned' },
            saveTranscript: true,
          },
        },
      ],
      { greeting: [0, 0], ask_name: [0, 1], ask_email: [0, 2], ask_phone: [0, 3], end_contact: [0, 4] },
    ),
    edges: edges(
      ['greeting', 'next', 'ask_name'],
      ['ask_name', 'next', 'ask_email'],
      ['ask_email', 'next', 'ask_phone'],
      ['ask_phone', 'next', 'end_contact'],
      ['ask_phone', 'skipped', 'end_contact'],
      ['ask_phone', 'invalid', 'end_contact'],
    ),
  });
}
