import type { TLanguage } from '../../common';
import type { TPlaybookDocument } from '../playbook.schema';
import { edges, layout, NO_CRM, paragraphs, playbookDocument } from './template-builders';
import { BOT_NAME } from './shared-texts';

const TEXTS = {
  en: { greeting: 'Hi! 👋 How can we help you today?' },
  es: { greeting: '¡Hola! 👋 ¿En qué podemos ayudarte hoy?' },
} satisfies Record<TLanguage, unknown>;

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
