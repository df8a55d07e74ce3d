import type { TInteraction, TPlaybookDocument, TRunOutput, TVisitorAnswer } from '@charla/protocol';
import type { Author } from './conversation-changes';
import { searchTextOf } from './conversation-dto';
import type { ConversationRow } from './conversations.store';

export function botAuthor(doc: TPlaybookDocument): Author {
  return { kind: 'bot', id: null, name: doc.appearance.botName, avatarUrl: doc.appearance.avatarUrl ?? null };
}

export function interactionOf(output: TRunOutput): TInteraction | null {
  if (output.kind === 'ask_buttons') return { kind: 'buttons', options: output.options };
  if (output.kind === 'ask_text') {
    return {
      kind: 'input',
      field: output.field === 'free_text' ? 'text' : output.field,
      placeholder: output.placeholder,
      skippable: !output.required,
    };
  }
  return null;
}

/** Visitor name/email columns follow what the bot captured, for lists and search. */
export function capturedColumns(
  vars: Record<string, string>,
  visitorNumber: number,
  identity?: { name: string | null; email: string | null },
): Partial<ConversationRow> {
  const name = vars.visitor_name?.trim() || identity?.name || null;
  const email = vars.visitor_email?.trim().toLowerCase() || identity?.email || null;
  return {
    visitor_name: name,
    visitor_email: email,
    search_text: searchTextOf({ name, email, number: visitorNumber, company: vars.company_name }),
  };
}

/** The visitor's answer as the text of their message. */
export function answerText(doc: TPlaybookDocument, nodeId: string | null, answer: TVisitorAnswer): string {
  if (answer.kind === 'text') return answer.text;
  if (answer.kind === 'skip') return doc.appearance.language === 'es' ? 'Omitir' : 'Skip';
  const node = doc.flow.nodes.find((n) => n.id === nodeId);
  if (node?.type === 'question' && node.answer.kind === 'buttons') {
    return node.answer.options.find((o) => o.id === answer.optionId)?.label ?? answer.optionId;
  }
  return answer.optionId;
}
