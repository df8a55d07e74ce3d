import type { TLanguage } from '../../common';
import { withPseudoLocales } from '../../i18n/languages';
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

const TEXTS = withPseudoLocales({
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

  'pt-BR': {
    bubble: 'Dúvidas? Estamos aqui para ajudar.',
    greeting: 'Olá! 👋 Obrigado pela visita.',
    question: 'Quer falar com alguém da nossa equipe?',
    talk: 'Falar com alguém',
    browse: 'Só estou olhando',
    online: 'Ótimo — estamos conectando você à nossa equipe. Alguém vai atender em instantes.',
    offline: 'Nossa equipe não está disponível agora. Deixe seus dados e retornaremos em breve.',
    followUpClosing: 'Obrigado, {{visitor_name}}! Responderemos em {{visitor_email}} o quanto antes.',
    leadTitle: '{{visitor_name}} (chat ao vivo, offline)',
    activitySubject: 'Responder a {{visitor_name}}',
    browseClosing: 'Sem problema — fique à vontade. Estamos aqui se precisar.',
  },
  fr: {
    bubble: 'Des questions ? Nous sommes là pour vous aider.',
    greeting: 'Bonjour ! 👋 Merci de votre visite.',
    question: 'Voulez-vous parler à quelqu’un de notre équipe ?',
    talk: 'Parler à quelqu’un',
    browse: 'Je regarde simplement',
    online: 'Parfait — nous vous mettons en relation avec notre équipe. Quelqu’un va vous répondre.',
    offline:
      'Notre équipe n’est pas disponible pour le moment. Laissez vos coordonnées et nous vous recontacterons vite.',
    followUpClosing: 'Merci, {{visitor_name}} ! Nous vous répondrons à {{visitor_email}} dès que possible.',
    leadTitle: '{{visitor_name}} (chat en direct, hors ligne)',
    activitySubject: 'Répondre à {{visitor_name}}',
    browseClosing: 'Pas de problème — bonne visite. Nous sommes là si besoin.',
  },
  de: {
    bubble: 'Fragen? Wir helfen gern.',
    greeting: 'Hallo! 👋 Schön, dass du vorbeischaust.',
    question: 'Möchtest du mit jemandem aus unserem Team sprechen?',
    talk: 'Mit jemandem sprechen',
    browse: 'Ich schaue nur',
    online: 'Super — wir verbinden dich mit unserem Team. Gleich ist jemand für dich da.',
    offline: 'Unser Team ist gerade nicht erreichbar. Hinterlass deine Daten, wir melden uns bald.',
    followUpClosing: 'Danke, {{visitor_name}}! Wir antworten dir so bald wie möglich an {{visitor_email}}.',
    leadTitle: '{{visitor_name}} (Live-Chat, offline)',
    activitySubject: '{{visitor_name}} antworten',
    browseClosing: 'Kein Problem — schau dich in Ruhe um. Wir sind da, wenn du uns brauchst.',
  },
});

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
