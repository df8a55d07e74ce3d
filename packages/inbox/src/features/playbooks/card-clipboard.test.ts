import { describe, expect, it } from 'vitest';
import { playbookTemplates, validatePlaybook } from '@charla/protocol';
import { applyPositions, layoutFlow } from './auto-layout';
import { clipboardKey, copyCards, PASTE_OFFSET, pasteCards } from './card-clipboard';
import { wideFlow } from './wide-flow.test-helper';

const base = wideFlow(playbookTemplates.blank.build('en'));
const doc = applyPositions(base, layoutFlow(base, () => ({ width: 260, height: 120 })).positions);

describe('copy and paste of cards', () => {
  it('copies the cards with the links among them only', () => {
    const clip = copyCards(doc, ['p_question', 'p_docs_msg', 'p_docs_end']);
    expect(clip?.nodes.map((n) => n.id)).toEqual(['p_question', 'p_docs_msg', 'p_docs_end']);
    expect(clip?.edges.map((e) => e.id).sort()).toEqual(['e_p_docs_msg_next', 'e_p_question_option_yes']);
    expect(copyCards(doc, ['nope'])).toBeNull();
  });

  it('pastes copies with new ids, shifted, linked among themselves, without touching the rest', () => {
    const clip = copyCards(doc, ['p_docs_msg', 'p_docs_end'])!;
    const { doc: next, nodeIds } = pasteCards(doc, clip);
    expect(nodeIds).toEqual(['message_1', 'end_1']);
    expect(next.flow.nodes.slice(0, doc.flow.nodes.length)).toEqual(doc.flow.nodes);
    const original = doc.flow.nodes.find((n) => n.id === 'p_docs_msg')!;
    const copy = next.flow.nodes.find((n) => n.id === 'message_1')!;
    expect(copy.ui).toEqual({ x: original.ui!.x + PASTE_OFFSET, y: original.ui!.y + PASTE_OFFSET });
    expect(next.flow.edges.at(-1)).toMatchObject({
      from: { nodeId: 'message_1', port: 'next' },
      to: { nodeId: 'end_1' },
    });
    // The copies are not reachable yet, and nothing else changed.
    const codes = validatePlaybook(next)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.code);
    expect(codes).toEqual(['NODE_UNREACHABLE', 'NODE_UNREACHABLE']);
  });

  it('pastes twice with fresh ids each time', () => {
    const clip = copyCards(doc, ['welcome'])!;
    const once = pasteCards(doc, clip);
    const twice = pasteCards(once.doc, clip);
    expect(twice.nodeIds).toEqual(['message_2']);
    expect(new Set(twice.doc.flow.nodes.map((n) => n.id)).size).toBe(twice.doc.flow.nodes.length);
  });

  it('maps Ctrl/⌘+C and Ctrl/⌘+V only', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>) =>
      clipboardKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(key('c', { ctrlKey: true })).toBe('copy');
    expect(key('v', { metaKey: true })).toBe('paste');
    expect(key('v', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(key('c', {})).toBeNull();
  });
});
