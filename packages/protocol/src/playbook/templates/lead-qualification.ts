import type { TLanguage } from '../../common';
import { withPseudoLocales } from '../../i18n/languages';
import type { TPlaybookCrmActions, TPlaybookDocument, TPlaybookNode } from '../playbook.schema';
import { emailCapture, edges, layout, paragraphs, playbookDocument, textCapture } from './template-builders';
import { BOT_NAME, EMAIL_CAPTURE, NAME_CAPTURE } from './shared-texts';

const TEXTS = withPseudoLocales({
  en: {
    greeting: 'Hi! 👋 Let’s see how we can help — it only takes a minute.',
    company: {
      prompt: 'Which company do you work for?',
      placeholder: 'Company name',
      error: 'Please tell us your company’s name.',
    },
    teamSizeLabel: 'Team size',
    teamSize: 'How many people are on your team?',
    small: '1–10',
    medium: '11–50',
    large: '51–200',
    enterprise: '200+',
    disqualifiedClosing:
      'Thanks, {{visitor_name}}! Our self-service plans are a great fit for small teams — have a look at our pricing page.',
    qualifiedClosing:
      'Thanks, {{visitor_name}}! Someone from our team will contact you at {{visitor_email}} shortly.',
    leadTitle: '{{company_name}} ({{team_size}} people)',
    dealTitle: '{{company_name}} – chatbot deal ({{team_size}} people)',
    activitySubject: 'Follow up with {{visitor_name}} at {{company_name}}',
  },
  es: {
    greeting: '¡Hola! 👋 Veamos cómo podemos ayudarte: solo te llevará un minuto.',
    company: {
      prompt: '¿En qué empresa trabajas?',
      placeholder: 'Nombre de la empresa',
      error: 'Dinos el nombre de tu empresa, por favor.',
    },
    teamSizeLabel: 'Tamaño del equipo',
    teamSize: '¿Cuántas personas hay en tu equipo?',
    small: '1–10',
    medium: '11–50',
    large: '51–200',
    enterprise: 'Más de 200',
    disqualifiedClosing:
      '¡Gracias, {{visitor_name}}! Nuestros planes de autoservicio encajan muy bien con equipos pequeños: echa un vistazo a nuestra página de precios.',
    qualifiedClosing:
      '¡Gracias, {{visitor_name}}! Alguien de nuestro equipo te contactará en breve en {{visitor_email}}.',
    leadTitle: '{{company_name}} ({{team_size}} personas)',
    dealTitle: '{{company_name}} – oportunidad del chatbot ({{team_size}} personas)',
    activitySubject: 'Hacer seguimiento a {{visitor_name}} de {{company_name}}',
  },

  'pt-BR': {
    greeting: 'Olá! 👋 Vamos ver como podemos ajudar — leva só um minuto.',
    company: {
      prompt: 'Em qual empresa você trabalha?',
      placeholder: 'Nome da empresa',
      error: 'Informe o nome da sua empresa, por favor.',
    },
    teamSizeLabel: 'Tamanho da equipe',
    teamSize: 'Quantas pessoas há na sua equipe?',
    small: '1–10',
    medium: '11–50',
    large: '51–200',
    enterprise: 'Mais de 200',
    disqualifiedClosing:
      'Obrigado, {{visitor_name}}! Nossos planos self-service são ideais para equipes pequenas — confira nossa página de preços.',
    qualifiedClosing:
      'Obrigado, {{visitor_name}}! Alguém da nossa equipe vai contatar você em {{visitor_email}} em breve.',
    leadTitle: '{{company_name}} ({{team_size}} pessoas)',
    dealTitle: '{{company_name}} – negócio do chatbot ({{team_size}} pessoas)',
    activitySubject: 'Acompanhar {{visitor_name}} da {{company_name}}',
  },
  fr: {
    greeting: 'Bonjour ! 👋 Voyons comment nous pouvons vous aider — cela ne prend qu’une minute.',
    company: {
      prompt: 'Pour quelle entreprise travaillez-vous ?',
      placeholder: 'Nom de l’entreprise',
      error: 'Indiquez le nom de votre entreprise, s’il vous plaît.',
    },
    teamSizeLabel: 'Taille de l’équipe',
    teamSize: 'Combien de personnes compte votre équipe ?',
    small: '1–10',
    medium: '11–50',
    large: '51–200',
    enterprise: 'Plus de 200',
    disqualifiedClosing:
      'Merci, {{visitor_name}} ! Nos offres en libre-service conviennent très bien aux petites équipes — consultez notre page de tarifs.',
    qualifiedClosing:
      'Merci, {{visitor_name}} ! Quelqu’un de notre équipe vous contactera très vite à {{visitor_email}}.',
    leadTitle: '{{company_name}} ({{team_size}} personnes)',
    dealTitle: '{{company_name}} – affaire chatbot ({{team_size}} personnes)',
    activitySubject: 'Relancer {{visitor_name}} chez {{company_name}}',
  },
  de: {
    greeting: 'Hallo! 👋 Schauen wir, wie wir helfen können — dauert nur eine Minute.',
    company: {
      prompt: 'Für welche Firma arbeitest du?',
      placeholder: 'Firmenname',
      error: 'Bitte nenne uns den Namen deiner Firma.',
    },
    teamSizeLabel: 'Teamgröße',
    teamSize: 'Wie viele Personen hat dein Team?',
    small: '1–10',
    medium: '11–50',
    large: '51–200',
    enterprise: 'Über 200',
    disqualifiedClosing:
      'Danke, {{visitor_name}}! Unsere Self-Service-Tarife passen super zu kleinen Teams — wirf einen Blick auf unsere Preisseite.',
    qualifiedClosing:
      'Danke, {{visitor_name}}! Jemand aus unserem Team meldet sich in Kürze unter {{visitor_email}}.',
    leadTitle: '{{company_name}} ({{team_size}} Personen)',
    dealTitle: '{{company_name}} – Chatbot-Deal ({{team_size}} Personen)',
    activitySubject: 'Bei {{visitor_name}} von {{company_name}} nachfassen',
  },
});

type Texts = (typeof TEXTS)[TLanguage];

function teamSizeQuestion(t: Texts): TPlaybookNode {
  return {
    id: 'team_size',
    type: 'question',
    content: paragraphs(t.teamSize),
    answer: {
      kind: 'buttons',
      saveTo: 'team_size',
      options: [
        { id: 'small', label: t.small },
        { id: 'medium', label: t.medium },
        { id: 'large', label: t.large },
        { id: 'enterprise', label: t.enterprise },
      ],
    },
  };
}

/** The three endings: small teams disqualified, mid-size a lead, large ones a deal. */
function endNodes(t: Texts): TPlaybookNode[] {
  const qualified = (record: TPlaybookCrmActions['record']): TPlaybookCrmActions => ({
    person: { mode: 'upsert_by_email_or_phone' },
    organization: { mode: 'upsert_by_name' },
    record,
    activity: { type: 'email', subjectTemplate: t.activitySubject, dueInMinutes: 24 * 60 },
    owner: { strategy: 'unassigned' },
    saveTranscript: true,
  });
  return [
    {
      id: 'end_disqualified',
      type: 'end',
      outcome: 'disqualified',
      closingMessage: paragraphs(t.disqualifiedClosing),
      crm: {
        person: { mode: 'upsert_by_email_or_phone' },
        organization: { mode: 'none' },
        record: { kind: 'none' },
        owner: { strategy: 'unassigned' },
        saveTranscript: false,
      },
    },
    {
      id: 'end_lead',
      type: 'end',
      outcome: 'qualified',
      closingMessage: paragraphs(t.qualifiedClosing),
      crm: qualified({ kind: 'lead', titleTemplate: t.leadTitle }),
    },
    {
      id: 'end_deal',
      type: 'end',
      outcome: 'qualified',
      closingMessage: paragraphs(t.qualifiedClosing),
      crm: qualified({ kind: 'deal', titleTemplate: t.dealTitle }),
    },
  ];
}

/** Name, email, company and team size; small teams are disqualified, mid-size become leads, large ones deals. */
export function buildLeadQualificationPlaybook(language: TLanguage): TPlaybookDocument {
  const t = TEXTS[language];
  return playbookDocument({
    language,
    botName: BOT_NAME[language],
    variables: [{ key: 'team_size', label: t.teamSizeLabel, type: 'choice' }],
    startNodeId: 'greeting',
    nodes: layout(
      [
        { id: 'greeting', type: 'message', content: paragraphs(t.greeting) },
        textCapture('ask_name', 'name', 'visitor_name', NAME_CAPTURE[language]),
        emailCapture('ask_email', EMAIL_CAPTURE[language]),
        textCapture('ask_company', 'company', 'company_name', t.company),
        teamSizeQuestion(t),
        ...endNodes(t),
      ],
      {
        greeting: [1, 0],
        ask_name: [1, 1],
        ask_email: [1, 2],
        ask_company: [1, 3],
        team_size: [1, 4],
        end_disqualified: [0, 5],
        end_lead: [1, 5],
        end_deal: [2, 5],
      },
    ),
    edges: edges(
      ['greeting', 'next', 'ask_name'],
      ['ask_name', 'next', 'ask_email'],
      ['ask_email', 'next', 'ask_company'],
      ['ask_company', 'next', 'team_size'],
      ['team_size', 'option:small', 'end_disqualified'],
      ['team_size', 'option:medium', 'end_lead'],
      ['team_size', 'option:large', 'end_deal'],
      ['team_size', 'option:enterprise', 'end_deal'],
    ),
  });
}
