import type { TCrmMoney } from '../api/crm-common.schema';
import type { TRichText } from '../rich-text/rich-text.schema';
import { checkCaptureInput, MAX_VISITOR_ANSWER_CHARS } from './capture-input';
import { conditionExit } from './condition-eval';
import { mapHttpResponse } from './http-request-eval';
import type {
  TCaptureNode,
  TPlaybookCrmActions,
  TEndNode,
  TLiveChatNode,
  TPlaybookDocument,
  TPlaybookOutcome,
  TQuestionNode,
} from './playbook.schema';
import { buildPlaybookGraph, targetOf, type TPlaybookGraph } from './playbook-graph';
import { interpolateRichText, interpolateString } from './playbook-text';
import { optionPort } from './ports';
import type { TRunInput, TRunInputKind, TRunOutput, TRunState } from './run-state.schema';
import { serverStepInputs, serverStepOf, type TServerStep } from './server-step';
import { CONTEXT_VARIABLE_KEYS, type TSystemVariableKey } from './system-variables';
import { withPseudoLocales } from '../i18n/languages';

/** CRM actions of an end card with their templates filled in (`title`, `subject`). */
export type TResolvedCrmActions = Omit<TPlaybookCrmActions, 'record' | 'activity'> & {
  record:
    { kind: 'none' } | { kind: 'lead'; title: string } | { kind: 'deal'; title: string; value?: TCrmMoney };
  activity?: {
    type: NonNullable<TPlaybookCrmActions['activity']>['type'];
    subject: string;
    dueInMinutes: number;
  };
};

/**
 * What the server must do after a step, besides sending the outputs: hand off, end, or a server
 * step (pause, HTTP call) whose result it feeds back as `wait_over` / `http_response` / `http_failed`.
 */
export type TRunEffect =
  | { kind: 'none' }
  | TServerStep
  | {
      kind: 'enter_live_chat';
      nodeId: string;
      onlineMessage: TRichText;
      offlineMessage: TRichText;
      waitSeconds: number;
    }
  | {
      kind: 'end';
      nodeId: string;
      outcome: TPlaybookOutcome;
      crm: TResolvedCrmActions;
      closingMessage: TRichText | null;
    };

export type TRunStep = { state: TRunState; outputs: TRunOutput[]; effect: TRunEffect };
export type TAdvanceResult = TRunStep | { error: 'INPUT_NOT_EXPECTED' };

/** Page context the server knows when a run starts. */
export type TRunContext = Partial<
  Record<Extract<TSystemVariableKey, 'page_url' | 'referrer' | 'locale'>, string>
>;

const NOT_EXPECTED = { error: 'INPUT_NOT_EXPECTED' } as const;
const NONE: TRunEffect = { kind: 'none' };
const FALLBACK_TITLE = withPseudoLocales({
  en: 'Chat visitor',
  es: 'Visitante del chat',
  'pt-BR': 'Visitante do chat',
  fr: 'Visiteur du chat',
  de: 'Chat-Besucher',
});

/** A run positioned at the start card, before anything is said; send `{ kind: 'start' }` next. */
export function startRun(doc: TPlaybookDocument, context: TRunContext = {}): TRunState {
  const vars: Record<string, string> = {};
  for (const key of CONTEXT_VARIABLE_KEYS)
    vars[key] = (context[key as keyof TRunContext] ?? '').slice(0, 2000);
  return { nodeId: doc.flow.startNodeId, vars, attempts: {}, status: 'running' };
}

function say(content: TRichText, vars: TRunState['vars'], nodeId: string): TRunOutput {
  return { kind: 'bot_message', content: interpolateRichText(content, vars), nodeId };
}

function askFor(node: TQuestionNode | TCaptureNode): TRunOutput {
  if (node.type === 'capture') {
    return {
      kind: 'ask_text',
      field: node.field,
      placeholder: node.placeholder ?? null,
      required: node.required,
      nodeId: node.id,
    };
  }
  if (node.answer.kind === 'buttons') {
    return {
      kind: 'ask_buttons',
      options: node.answer.options.map((o) => ({ id: o.id, label: o.label })),
      nodeId: node.id,
    };
  }
  return {
    kind: 'ask_text',
    field: 'free_text',
    placeholder: node.answer.placeholder ?? null,
    required: true,
    nodeId: node.id,
  };
}

function resolveTemplate(template: string, doc: TPlaybookDocument, vars: TRunState['vars']): string {
  // CRM names are 1–200 characters; a long captured value must not make the record invalid.
  const text = interpolateString(template, vars).replace(/\s+/g, ' ').trim().slice(0, 200).trim();
  return text === '' ? FALLBACK_TITLE[doc.appearance.language] : text;
}

function resolveCrm(
  doc: TPlaybookDocument,
  crm: TPlaybookCrmActions,
  vars: TRunState['vars'],
): TResolvedCrmActions {
  const { record, activity, ...rest } = crm;
  const resolved: TResolvedCrmActions = {
    ...rest,
    record:
      record.kind === 'none'
        ? record
        : record.kind === 'lead'
          ? { kind: 'lead', title: resolveTemplate(record.titleTemplate, doc, vars) }
          : {
              kind: 'deal',
              title: resolveTemplate(record.titleTemplate, doc, vars),
              ...(record.value && { value: record.value }),
            },
  };
  if (activity) {
    resolved.activity = {
      type: activity.type,
      subject: resolveTemplate(activity.subjectTemplate, doc, vars),
      dueInMinutes: activity.dueInMinutes,
    };
  }
  return resolved;
}

function enterLiveChat(node: TLiveChatNode, vars: TRunState['vars']): TRunEffect {
  return {
    kind: 'enter_live_chat',
    nodeId: node.id,
    onlineMessage: interpolateRichText(node.onlineMessage, vars),
    offlineMessage: interpolateRichText(node.offlineMessage, vars),
    waitSeconds: node.waitSeconds,
  };
}

function endEffect(doc: TPlaybookDocument, node: TEndNode, vars: TRunState['vars']): TRunEffect {
  return {
    kind: 'end',
    nodeId: node.id,
    outcome: node.outcome,
    crm: resolveCrm(doc, node.crm, vars),
    closingMessage: node.closingMessage ? interpolateRichText(node.closingMessage, vars) : null,
  };
}

/**
 * Walks from `nodeId` through message, condition and set variable cards until a card needs the
 * visitor (question, capture) or the server (wait, HTTP request), hands off (live chat) or ends.
 * A missing card or connection ends the run with no effect.
 */
function walk(
  doc: TPlaybookDocument,
  graph: TPlaybookGraph,
  state: TRunState,
  from: string | null,
  outputs: TRunOutput[],
): TRunStep {
  let vars = state.vars;
  let id = from;
  // Validated playbooks are acyclic; the cap only keeps a broken one from spinning.
  for (let steps = 0; steps <= graph.nodeIds.length; steps++) {
    const node = id === null ? undefined : graph.nodes.get(id);
    if (!node) break;
    switch (node.type) {
      case 'message':
        outputs.push(say(node.content, vars, node.id));
        id = targetOf(graph, node.id, 'next');
        continue;
      case 'condition':
        id = targetOf(graph, node.id, conditionExit(node, vars));
        continue;
      case 'set_variable':
        if (node.variable !== '')
          vars = { ...vars, [node.variable]: interpolateString(node.value, vars).trim().slice(0, 2000) };
        id = targetOf(graph, node.id, 'next');
        continue;
      case 'question':
        outputs.push(say(node.content, vars, node.id), askFor(node));
        return {
          state: { ...state, vars, nodeId: node.id, status: 'awaiting_input' },
          outputs,
          effect: NONE,
        };
      case 'capture':
        outputs.push(say(node.prompt, vars, node.id), askFor(node));
        return {
          state: { ...state, vars, nodeId: node.id, status: 'awaiting_input' },
          outputs,
          effect: NONE,
        };
      case 'wait':
      case 'http_request':
        return {
          state: { ...state, vars, nodeId: node.id, status: 'server_step' },
          outputs,
          effect: serverStepOf(node, vars),
        };
      case 'live_chat':
        return {
          state: { ...state, vars, nodeId: node.id, status: 'live_chat' },
          outputs,
          effect: enterLiveChat(node, vars),
        };
      case 'end':
        if (node.closingMessage) outputs.push(say(node.closingMessage, vars, node.id));
        return {
          state: { ...state, vars, nodeId: node.id, status: 'ended' },
          outputs,
          effect: endEffect(doc, node, vars),
        };
    }
  }
  return { state: { ...state, vars, nodeId: null, status: 'ended' }, outputs, effect: NONE };
}

function answerCapture(
  doc: TPlaybookDocument,
  graph: TPlaybookGraph,
  state: TRunState,
  node: TCaptureNode,
  text: string,
): TRunStep {
  const check = checkCaptureInput(node.validation, text);
  if (check.ok) {
    const { [node.id]: _done, ...attempts } = state.attempts;
    const next = { ...state, vars: { ...state.vars, [node.saveTo]: check.value }, attempts };
    return walk(doc, graph, next, targetOf(graph, node.id, 'next'), []);
  }
  // Only validations with a message and a limit can fail; this keeps the types honest.
  if (node.validation.kind === 'none') return { state, outputs: [askFor(node)], effect: NONE };
  const failed = (state.attempts[node.id] ?? 0) + 1;
  const next = { ...state, attempts: { ...state.attempts, [node.id]: failed } };
  const outputs: TRunOutput[] = [
    { kind: 'validation_error', message: node.validation.errorMessage, nodeId: node.id },
  ];
  const invalid = targetOf(graph, node.id, 'invalid');
  if (failed >= node.validation.maxAttempts && invalid !== null)
    return walk(doc, graph, next, invalid, outputs);
  outputs.push(askFor(node));
  return { state: { ...next, status: 'awaiting_input' }, outputs, effect: NONE };
}

/** The input kinds `advance` accepts in this state. */
export function expectedInputsOf(doc: TPlaybookDocument, state: TRunState): TRunInputKind[] {
  if (state.status === 'running') return ['start'];
  if (state.status === 'live_chat') return ['live_chat_offline'];
  if (state.status === 'ended') return [];
  const node = doc.flow.nodes.find((n) => n.id === state.nodeId);
  if (state.status === 'server_step') return serverStepInputs(node);
  if (node?.type === 'question') return [node.answer.kind === 'buttons' ? 'button' : 'text'];
  if (node?.type === 'capture') return node.required ? ['text'] : ['text', 'skip'];
  return [];
}

/** One pure step of a playbook run: the next state, what the bot says, and what the server must do. */
export function advance(doc: TPlaybookDocument, state: TRunState, input: TRunInput): TAdvanceResult {
  if (!expectedInputsOf(doc, state).includes(input.kind)) return NOT_EXPECTED;
  const graph = buildPlaybookGraph(doc.flow);
  const node = state.nodeId === null ? undefined : graph.nodes.get(state.nodeId);
  if (!node) return NOT_EXPECTED;
  switch (input.kind) {
    case 'start':
      return walk(doc, graph, state, node.id, []);
    case 'live_chat_offline': {
      if (node.type !== 'live_chat') return NOT_EXPECTED;
      const vars = { ...state.vars, back_at: input.backAt ?? '' };
      return walk(doc, graph, { ...state, vars }, targetOf(graph, node.id, 'offline'), [
        say(node.offlineMessage, vars, node.id),
      ]);
    }
    case 'button': {
      if (node.type !== 'question' || node.answer.kind !== 'buttons') return NOT_EXPECTED;
      const option = node.answer.options.find((o) => o.id === input.optionId);
      if (!option) return NOT_EXPECTED;
      const saveTo = node.answer.saveTo;
      const vars =
        saveTo === undefined ? state.vars : { ...state.vars, [saveTo]: option.value ?? option.label };
      return walk(doc, graph, { ...state, vars }, targetOf(graph, node.id, optionPort(option.id)), []);
    }
    case 'text': {
      const text = input.text.trim();
      if (text === '' || input.text.length > MAX_VISITOR_ANSWER_CHARS) return NOT_EXPECTED;
      if (node.type === 'capture') return answerCapture(doc, graph, state, node, text);
      if (node.type !== 'question' || node.answer.kind !== 'free_text') return NOT_EXPECTED;
      const vars = { ...state.vars, [node.answer.saveTo]: text };
      return walk(doc, graph, { ...state, vars }, targetOf(graph, node.id, 'next'), []);
    }
    case 'skip': {
      if (node.type !== 'capture' || node.required) return NOT_EXPECTED;
      const target = targetOf(graph, node.id, 'skipped') ?? targetOf(graph, node.id, 'next');
      return walk(doc, graph, state, target, []);
    }
    case 'wait_over':
      return walk(doc, graph, state, targetOf(graph, node.id, 'next'), []);
    case 'http_response': {
      if (node.type !== 'http_request') return NOT_EXPECTED;
      const vars = { ...state.vars, ...mapHttpResponse(node.mapping, input.json) };
      return walk(doc, graph, { ...state, vars }, targetOf(graph, node.id, 'next'), []);
    }
    case 'http_failed': {
      // An unconnected `failed` exit goes on through `next`.
      const target = targetOf(graph, node.id, 'failed') ?? targetOf(graph, node.id, 'next');
      return walk(doc, graph, state, target, []);
    }
  }
}
