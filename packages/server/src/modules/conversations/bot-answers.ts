import {
  acceptsBotAnswer,
  visitorNumberLabel,
  advance,
  richTextFromPlain,
  type TMessageDto,
  type TRichText,
  type TRunInput,
  type TVisitorAnswer,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { VisitorsService } from '../visitors/index';
import { answerText, capturedColumns } from './bot-output';
import { lifecycleOf } from './conversation-dto';
import type { ConversationsService } from './conversations.service';
import type { ConversationsStore } from './conversations.store';
import { storedAfter, type RunSteps } from './run-steps';
import { readStoredRun, writeStoredRun } from './stored-run';

const BOT_ANSWER = { kind: 'bot_answer' } as const;

function runInputOf(answer: TVisitorAnswer): TRunInput {
  if (answer.kind === 'button') return { kind: 'button', optionId: answer.optionId };
  if (answer.kind === 'text') return { kind: 'text', text: answer.text };
  return { kind: 'skip' };
}

/** What the visitor says to the bot: answers (buttons, text, skip), each stored exactly once. */
export function createBotAnswers(deps: {
  conversations: ConversationsService;
  store: ConversationsStore;
  visitors: VisitorsService;
  steps: RunSteps;
}) {
  const { conversations, store, visitors, steps } = deps;

  /** A visitor's answer to the bot (button, text, skip), stored as their message exactly once. */
  async function answer(
    visitorId: string,
    conversationId: string,
    clientMsgId: string,
    given: TVisitorAnswer,
  ): Promise<TMessageDto> {
    return conversations.withLock(conversationId, async () => {
      const row = await conversations.getVisitorRow(conversationId, visitorId);
      const existing = await store.findByClientMsgId(row.id, clientMsgId);
      if (existing) return conversations.views.message(existing);
      // R20: closed stays closed, except the offline branch of a missed chat.
      conversations.assertWritable(row, BOT_ANSWER);
      const stored = readStoredRun(row.run_state);
      if (stored.run?.status !== 'awaiting_input') throw new AppError('ANSWER_NOT_EXPECTED');
      const doc = await steps.docFor(row);
      const step = advance(doc, stored.run, runInputOf(given));
      if ('error' in step) throw new AppError('ANSWER_NOT_EXPECTED');
      const text = answerText(doc, stored.run.nodeId, given);
      const number = (await visitors.findById(visitorId))?.number ?? 0;
      const name =
        step.state.vars.visitor_name?.trim() || row.visitor_name || visitorNumberLabel(number, row.language);
      // The answer and the run state move together: a retry finds the message and changes nothing.
      const patch = {
        run_state: writeStoredRun(storedAfter(row, step)),
        offline_due: steps.dueAfter(step),
        ...capturedColumns(step.state.vars, number, { name: row.visitor_name, email: row.visitor_email }),
      };
      const appended = await conversations.appendMessage(
        row,
        { kind: 'visitor', id: visitorId, name, avatarUrl: null },
        richTextFromPlain(text),
        { clientMsgId, patch, write: BOT_ANSWER },
      );
      if (appended.duplicate) return appended.message;
      await steps.applyStep(appended.conversation, doc, step, number, 0, true);
      return appended.message;
    });
  }

  return {
    answer,
    /** Visitor text: an answer while the bot waits for text, otherwise a message to the team. */
    async visitorText(
      visitorId: string,
      conversationId: string,
      clientMsgId: string,
      body: TRichText,
      plain: string,
    ): Promise<TMessageDto> {
      const row = await conversations.getVisitorRow(conversationId, visitorId);
      const run = readStoredRun(row.run_state).run;
      // Text goes to the bot only where an answer would be taken (never on a chat closed for good).
      const botWaitsForText = acceptsBotAnswer(lifecycleOf(row), run?.status === 'awaiting_input');
      if (botWaitsForText && plain.trim() !== '')
        return answer(visitorId, conversationId, clientMsgId, { kind: 'text', text: plain.slice(0, 2000) });
      return conversations.visitorMessage(visitorId, row, clientMsgId, body);
    },
  };
}
