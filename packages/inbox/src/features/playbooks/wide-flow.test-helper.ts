import type { TLanguage, TPlaybookDocument, TPlaybookEdge, TPlaybookNode } from '@charla/protocol';
import { createNode } from './flow-mapping';

// A 25-card playbook with three branches, buttons of three answers, captures, a condition and two
// live chat cards, and no saved positions: what the automatic layout and "Tidy up" are tested on
// (auto-layout.test.ts, e2e/playbook-editor.e2e.ts).

type Spec = [id: string, type: TPlaybookNode['type'], exits?: Record<string, string>];

const SPECS: Spec[] = [
  ['welcome', 'message', { next: 'topic' }],
  ['topic', 'question', { 'option:sales': 's_email', 'option:support': 'p_msg', 'option:other': 'o_msg' }],
  ['s_email', 'capture', { next: 's_size' }],
  [
    's_size',
    'question',
    { 'option:small': 's_small_msg', 'option:medium': 's_med_msg', 'option:large': 's_large_msg' },
  ],
  ['s_small_msg', 'message', { next: 's_small_end' }],
  ['s_small_end', 'end'],
  ['s_med_msg', 'message', { next: 's_med_lead' }],
  ['s_med_lead', 'end'],
  ['s_large_msg', 'message', { next: 's_large_chat' }],
  ['s_large_chat', 'live_chat', { offline: 's_large_offline' }],
  ['s_large_offline', 'message', { next: 's_large_end' }],
  ['s_large_end', 'end'],
  ['p_msg', 'message', { next: 'p_question' }],
  ['p_question', 'question', { 'option:yes': 'p_docs_msg', 'option:no': 'p_chat' }],
  ['p_docs_msg', 'message', { next: 'p_docs_end' }],
  ['p_docs_end', 'end'],
  ['p_chat', 'live_chat', { offline: 'p_capture' }],
  ['p_capture', 'capture', { next: 'p_end' }],
  ['p_end', 'end'],
  ['o_msg', 'message', { next: 'o_cond' }],
  ['o_cond', 'condition', { 'rule:rule_1': 'o_pro_msg', otherwise: 'o_free_msg' }],
  ['o_pro_msg', 'message', { next: 'o_pro_end' }],
  ['o_pro_end', 'end'],
  ['o_free_msg', 'message', { next: 'o_end' }],
  ['o_end', 'end'],
];

const THREE_ANSWERS: Record<string, string[]> = {
  topic: ['sales', 'support', 'other'],
  s_size: ['small', 'medium', 'large'],
};

function card(id: string, type: TPlaybookNode['type'], language: TLanguage): TPlaybookNode {
  const node = createNode(type, id, language);
  const answers = THREE_ANSWERS[id];
  if (node.type !== 'question' || !answers) return node;
  const label = (a: string) => a[0]?.toUpperCase() + a.slice(1);
  return { ...node, answer: { kind: 'buttons', options: answers.map((a) => ({ id: a, label: label(a) })) } };
}

/** `base` (a created playbook's document) with its flow replaced by the 25 cards, none placed. */
export function wideFlow(base: TPlaybookDocument): TPlaybookDocument {
  const language = base.appearance.language;
  const nodes = SPECS.map(([id, type]) => card(id, type, language));
  const edges: TPlaybookEdge[] = SPECS.flatMap(([id, , exits = {}]) =>
    Object.entries(exits).map(([port, to]) => ({
      id: `e_${id}_${port.replace(/\W/g, '_')}`,
      from: { nodeId: id, port },
      to: { nodeId: to },
    })),
  );
  return { ...base, flow: { startNodeId: 'welcome', nodes, edges } };
}
