import { describe, expect, it } from 'vitest';
import { playbookTemplates, validatePlaybook, type TFinding, type TPlaybookDocument } from '@charla/protocol';
import { findingField, findingNodeId, sortFindings } from './finding-field';
import { wideFlow } from './wide-flow.test-helper';

const doc = wideFlow(playbookTemplates.blank.build('en'));
const finding = (f: Partial<TFinding> & Pick<TFinding, 'code'>): TFinding => ({
  severity: 'error',
  message: '',
  ...f,
});

/** `doc` with one card changed. */
function withNode(id: string, patch: Record<string, unknown>): TPlaybookDocument {
  return {
    ...doc,
    flow: {
      ...doc.flow,
      nodes: doc.flow.nodes.map((n) => (n.id === id ? { ...n, ...patch } : n)),
    },
  };
}

describe('findingField (which card editor field a finding is about)', () => {
  it.each([
    [finding({ code: 'LIVECHAT_WAIT_OUT_OF_RANGE', nodeId: 'p_chat' }), 'lc-wait'],
    [finding({ code: 'LIVECHAT_OFFLINE_UNCONNECTED', nodeId: 'p_chat', port: 'offline' }), 'port-offline'],
    [finding({ code: 'PORT_UNCONNECTED', nodeId: 'topic', port: 'option:sales' }), 'port-option:sales'],
    [
      finding({
        code: 'CONDITION_VALUE_MISSING',
        nodeId: 'o_cond',
        path: ['flow', 'nodes', '20', 'rules', '0', 'value'],
      }),
      'rule-0-value',
    ],
    [
      finding({ code: 'TEXT_TOO_LONG', nodeId: 'welcome', path: ['flow', 'nodes', '0', 'content'] }),
      'rte-content',
    ],
    [finding({ code: 'OUTCOME_NO_IDENTITY', nodeId: 'p_end' }), 'end-record'],
    [finding({ code: 'NODE_UNREACHABLE', nodeId: 'o_end' }), null],
    [finding({ code: 'LIVECHAT_MULTIPLE_IN_PATH', nodeId: 'p_chat', path: ['welcome', 'p_chat'] }), null],
  ])('%# %o → %s', (f, field) => {
    expect(findingField(doc, f)).toBe(field);
  });

  it('names the waiting time for a 5 s live chat card, as the validator reports it', () => {
    const five = withNode('p_chat', { waitSeconds: 5 });
    const found = validatePlaybook(five).findings.find((f) => f.code === 'LIVECHAT_WAIT_OUT_OF_RANGE');
    expect(found && findingNodeId(five, found)).toBe('p_chat');
    expect(found && findingField(five, found)).toBe('lc-wait');
  });

  it('names the port of a connection finding and its source card', () => {
    const f = finding({ code: 'PORT_MULTIPLE_EDGES', edgeId: 'e_welcome_next' });
    expect(findingNodeId(doc, f)).toBe('welcome');
    expect(findingField(doc, f)).toBe('port-next');
  });

  it('lists errors before warnings', () => {
    const w = finding({ code: 'VARIABLE_MAYBE_UNSET', severity: 'warning' });
    const e = finding({ code: 'NODE_UNREACHABLE' });
    expect(sortFindings([w, e])).toEqual([e, w]);
  });
});
