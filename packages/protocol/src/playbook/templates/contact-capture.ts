import type { TLanguage } from '../../common';
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

const TEXTS = {
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
} satisfies Record<TLanguage, unknown>;

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
