import type { TLanguage } from '../../common';
import type { TPlaybookDocument } from '../playbook.schema';
import {
  emailCapture,
  edges,
  layout,
  NO_CRM,
  paragraphs,
  playbookDocument,
  textCapture,
} from './template-builders';
import { BOT_NAME, EMAIL_CAPTURE, NAME_CAPTURE } from './shared-texts';

const TEXTS = {
  en: {
    bubble: 'Questions? We’re here to help.',
    greeting: 'Hi! 👋 Thanks for stopping by.',
    question: 'Would you like to talk to someone from our team?',
    talk: 'Talk to someone',
    browse: 'Just browsing',
    online: 'Great — connecting you with our team. Someone will be with you in a moment.',
    offline: 'Our team isn’t available right now. Leave your details and we’ll get back to you soon.',
    followUpClosing:
      'Thanks, {{visitor_name}}! We’ll get back to you at {{visitor_email}} as soon as we can.',
    leadTitle: '{{visitor_name}} (live chat, offline)',
    activitySubject: 'Reply to {{visitor_name}}',
    browseClosing: 'No problem — enjoy looking around. We’re here if you need us.',
  },
  es: {
    bubble: '¿Tienes preguntas? Estamos aquí para ayudarte.',
    greeting: '¡Hola! 👋 Gracias por visitarnos.',
    question: '¿Quieres hablar con alguien de nuestro equipo?',
    talk: 'Hablar con alguien',
    browse: 'Solo estoy mirando',
    online: 'Perfecto: te estamos conectando con nuestro equipo. Alguien te atenderá en un momento.',
    offline: 'Nuestro equipo no está disponible ahora mismo. Déjanos tus datos y te contactaremos pronto.',
    followUpClosing: '¡Gracias, {{visitor_name}}! Te responderemos a {{visitor_email}} lo antes posible.',
    leadTitle: '{{visitor_name}} (chat en vivo, sin conexión)',
    activitySubject: 'Responder a {{visitor_name}}',
    browseClosing: 'Sin problema: echa un vistazo. Aquí estamos si nos necesitas.',
  },
} satisfies Record<TLanguage, unknown>;

/** R5: greeting, "talk to someone?", the live chat card, and its offline path that captures a lead. */
export function buildLiveChatPlaybook(language: TLanguage): TPlaybookDocument {
  const t = TEXTS[language];
  return playbookDocument({
    language,
    botName: BOT_NAME[language],
    greeting: { proactive: true, text: t.bubble },
    startNodeId: 'greeting',
    nodes: layout(
      [
        { id: 'greeting', type: 'message', content: paragraphs(t.greeting) },
        {
          id: 'choose',
          type: 'question',
          content: paragraphs(t.question),
          answer: {
            kind: 'buttons',
            options: [
              { id: 'talk', label: t.talk },
              { id: 'browse', label: t.browse },
            ],
          },
        },
        {
          id: 'live_chat',
          type: 'live_chat',
          onlineMessage: paragraphs(t.online),
          waitSeconds: 60,
          offlineMessage: paragraphs(t.offline),
        },
        textCapture('ask_name', 'name', 'visitor_name', NAME_CAPTURE[language]),
        emailCapture('ask_email', EMAIL_CAPTURE[language]),
        {
          id: 'end_follow_up',
          type: 'end',
          outcome: 'qualified',
          closingMessage: paragraphs(t.followUpClosing),
          crm: {
            person: { mode: 'upsert_by_email_or_phone' },
            organization: { mode: 'none' },
            record: { kind: 'lead', titleTemplate: t.leadTitle },
            activity: { type: 'email', subjectTemplate: t.activitySubject, dueInMinutes: 240 },
            owner: { strategy: 'unassigned' },
            saveTranscript: true,
          },
        },
        {
          id: 'end_browsing',
          type: 'end',
          outcome: 'neutral',
          closingMessage: paragraphs(t.browseClosing),
          crm: NO_CRM,
        },
      ],
      {
        greeting: [0, 0],
        choose: [0, 1],
        live_chat: [0, 2],
        ask_name: [0, 3],
        ask_email: [0, 4],
        end_follow_up: [0, 5],
        end_browsing: [1, 2],
      },
    ),
    edges: edges(
      ['greeting', 'next', 'choose'],
      ['choose', 'option:talk', 'live_chat'],
      ['choose', 'option:browse', 'end_browsing'],
      ['live_chat', 'offline', 'ask_name'],
      ['ask_name', 'next', 'ask_email'],
      ['ask_email', 'next', 'end_follow_up'],
    ),
  });
}
