import type { TLanguage } from '../../common';
import { withPseudoLocales } from '../../i18n/languages';
import type { TPlaybookDocument } from '../playbook.schema';
import { edges, layout, NO_CRM, paragraphs, playbookDocument } from './template-builders';
import { BOT_NAME } from './shared-texts';

const TEXTS = withPseudoLocales({
  en: { greeting: 'Hi! 👋 How can we help you today?' },
  es: { greeting: '¡Hola! 👋 ¿En qué podemos ayudarte hoy?' },

  'pt-BR': { greeting: 'Olá! 👋 Como podemos ajudar você hoje?' },
  fr: { greeting: 'Bonjour ! 👋 Comment pouvons-nous vous aider aujourd’hui ?' },
  de: { greeting: 'Hallo! 👋 Wie können wir dir heute helfen?' },
});

/** A greeting message and a neutral end: the smallest valid playbook. */
export function buildBlankPlaybook(language: TLanguage): TPlaybookDocument {
  const t = TEXTS[language];
  return playbookDocument({
    language,
    botName: BOT_NAME[language],
    startNodeId: 'greeting',
    nodes: layout(
      [
        { id: 'greeting', type: 'message', content: paragraphs(t.greeting) },
        { id: 'end', type: 'end', outcome: 'neutral', crm: NO_CRM },
      ],
      { greeting: [0, 0], end: [0, 1] },
    ),
    edges: edges(['greeting', 'next', 'end']),
  });
}
