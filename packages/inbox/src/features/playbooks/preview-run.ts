import {
  advance,
  attributeVars,
  renderHtml,
  startRun,
  visitorAttributeRunVars,
  type TCrmMoney,
  type TPlaybookDocument,
  type TResolvedCrmActions,
  type TRunOutput,
  type TRunState,
  type TRunStep,
} from '@charla/protocol';

/**
 * The editor preview's conversation, run by the same pure runtime as the server (startRun /
 * advance) on the unsaved document. Pure: the texts it adds come from `PreviewTexts`.
 */

export type PreviewLine =
  | { kind: 'bot'; html: string }
  | { kind: 'visitor'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'system'; text: string }
  | { kind: 'crm'; items: PreviewCrmItem[] };

/** One thing the run's end card would create in the CRM, with what names it. */
export type PreviewCrmItem =
  | { kind: 'person' | 'organization' | 'lead' | 'note'; name: string }
  | { kind: 'deal'; name: string; value: TCrmMoney | null }
  | { kind: 'activity'; name: string; dueInMinutes: number };

export type PreviewAsk = Extract<TRunOutput, { kind: 'ask_buttons' | 'ask_text' }> | null;

export type PreviewRun = {
  state: TRunState;
  lines: PreviewLine[];
  ask: PreviewAsk;
  handoff: { waitSeconds: number } | null;
  /** An HTTP request card the preview does NOT call: the admin picks the exit to follow. */
  call: { method: string; url: string } | null;
  ended: boolean;
};

/** What the preview says about what would happen (in the playbook's language). */
export type PreviewTexts = {
  handoff: (seconds: number) => string;
  nobodyOnline: () => string;
  waits: (seconds: number) => string;
  wouldCall: (method: string, url: string, maps: boolean) => string;
  ended: (end: Extract<TRunStep['effect'], { kind: 'end' }>) => string;
};

/** The document without layout, so dragging cards does not restart the preview. */
export function meaningOf(doc: TPlaybookDocument): string {
  return JSON.stringify({
    ...doc,
    flow: { ...doc.flow, nodes: doc.flow.nodes.map(({ ui: _ui, ...n }) => n) },
  });
}

/** `plan=pro, seats=12` → identify() attributes, to try condition cards in the preview. */
export function parsePreviewAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    if (at > 0 && /^[a-z][a-z0-9_]{0,39}$/.test(key)) attributes[key] = pair.slice(at + 1).trim();
  }
  return attributes;
}

type Context = { doc: TPlaybookDocument; online: boolean; texts: PreviewTexts };

/** The run after one step: what the bot said and asks, and a hand-off or end described. */
export function absorbStep(
  context: Context,
  previous: PreviewRun,
  step: TRunStep,
  said: PreviewLine[],
): PreviewRun {
  const lines = [...previous.lines, ...said];
  let ask: PreviewAsk = null;
  for (const out of step.outputs) {
    if (out.kind === 'bot_message') lines.push({ kind: 'bot', html: renderHtml(out.content) });
    else if (out.kind === 'validation_error') lines.push({ kind: 'error', text: out.message });
    else ask = out;
  }
  let handoff: PreviewRun['handoff'] = null;
  const effect = step.effect;
  if (effect.kind === 'enter_live_chat' && context.online) {
    lines.push({ kind: 'bot', html: renderHtml(effect.onlineMessage) });
    lines.push({ kind: 'system', text: context.texts.handoff(effect.waitSeconds) });
    handoff = { waitSeconds: effect.waitSeconds };
  } else if (effect.kind === 'enter_live_chat') {
    lines.push({ kind: 'system', text: context.texts.nobodyOnline() });
    const offline = advance(context.doc, step.state, { kind: 'live_chat_offline' });
    if (!('error' in offline)) return absorbStep(context, { ...previous, lines }, offline, []);
  }
  if (effect.kind === 'wait') {
    // The preview does not pause; it says so and goes on.
    lines.push({ kind: 'system', text: context.texts.waits(effect.seconds) });
    const after = advance(context.doc, step.state, { kind: 'wait_over' });
    if (!('error' in after)) return absorbStep(context, { ...previous, lines }, after, []);
  }
  let call: PreviewRun['call'] = null;
  if (effect.kind === 'http_request') {
    // Never called from the editor: the admin chooses how the call goes.
    const { method, url } = effect.request;
    const card = context.doc.flow.nodes.find((n) => n.id === effect.nodeId);
    const maps = card?.type === 'http_request' && card.mapping.length > 0;
    lines.push({ kind: 'system', text: context.texts.wouldCall(method, url, maps) });
    call = { method, url };
  }
  if (effect.kind === 'end') {
    lines.push({ kind: 'system', text: context.texts.ended(effect) });
    const items = crmItems(effect.crm, step.state.vars);
    if (items.length > 0) lines.push({ kind: 'crm', items });
  }
  const ended = effect.kind === 'end' || step.state.status === 'ended';
  return { state: step.state, lines, ask, handoff, call, ended };
}

const varText = (vars: TRunState['vars'], key: string): string => {
  const value = vars[key];
  return typeof value === 'string'
    ? value.trim()
    : value === undefined || value === null
      ? ''
      : String(value);
};

/**
 * What the end card would create in the CRM for this run (the preview never creates it): the
 * person (named by what was captured), the organization when a company was captured, the lead or
 * deal, the follow-up activity and the transcript note.
 */
export function crmItems(crm: TResolvedCrmActions, vars: TRunState['vars']): PreviewCrmItem[] {
  const items: PreviewCrmItem[] = [];
  const who =
    varText(vars, 'visitor_name') || varText(vars, 'visitor_email') || varText(vars, 'visitor_phone');
  if (crm.person.mode !== 'none') items.push({ kind: 'person', name: who });
  const company = varText(vars, 'company_name');
  if (crm.organization.mode !== 'none' && company) items.push({ kind: 'organization', name: company });
  if (crm.record.kind === 'lead') items.push({ kind: 'lead', name: crm.record.title });
  if (crm.record.kind === 'deal') {
    items.push({ kind: 'deal', name: crm.record.title, value: crm.record.value ?? null });
  }
  if (crm.activity)
    items.push({ kind: 'activity', name: crm.activity.subject, dueInMinutes: crm.activity.dueInMinutes });
  if (crm.saveTranscript) items.push({ kind: 'note', name: '' });
  return items;
}

/** A new run from the start card, on a sample page, with the attributes typed in the preview. */
export function startPreview(context: Context, attributesText: string): PreviewRun {
  const { doc } = context;
  const first = startRun(doc, {
    page_url: 'https://www.example.com/pricing',
    locale: doc.appearance.language,
  });
  const attributes = parsePreviewAttributes(attributesText);
  Object.assign(first.vars, attributeVars(doc, attributes), visitorAttributeRunVars(attributes));
  const empty: PreviewRun = { state: first, lines: [], ask: null, handoff: null, call: null, ended: false };
  const step = advance(doc, first, { kind: 'start' });
  return 'error' in step ? empty : absorbStep(context, empty, step, []);
}
