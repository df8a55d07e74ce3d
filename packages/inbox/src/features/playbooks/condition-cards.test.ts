import { describe, expect, it } from 'vitest';
import { playbookTemplates, portsOf, validatePlaybook, type TPlaybookDocument } from '@charla/protocol';
import type { TFunction } from 'i18next';
import { portLabel, ruleSummary } from './condition-labels';
import { addNode, connectPort, replaceNode } from './flow-mapping';
import { parsePreviewAttributes } from './preview-run';

const t = ((key: string, options?: { defaultValue?: string }) =>
  ({
    'playbooks.condition.short.equals': '=',
    'playbooks.condition.short.is_set': 'is set',
    'playbooks.condition.inputs.language': 'Visitor language',
    'playbooks.ports.otherwise': 'Otherwise',
  })[key] ??
  options?.defaultValue ??
  key) as unknown as TFunction;

function blank(): TPlaybookDocument {
  return playbookTemplates.blank.build('en');
}

describe('condition and set variable cards in the editor', () => {
  it('adds a condition whose rule and otherwise exits connect, and then validates', () => {
    const added = addNode(blank(), 'condition', { x: 0, y: 400 });
    expect(added.nodeId).toBe('condition_1');
    const node = added.doc.flow.nodes.find((n) => n.id === 'condition_1');
    if (node?.type !== 'condition') throw new Error('no condition card');
    expect(portsOf(node).map((p) => p.name)).toEqual(['rule:rule_1', 'otherwise']);
    let doc = connectPort(added.doc, { source: 'greeting', sourceHandle: 'next', target: 'condition_1' });
    doc = connectPort(doc, { source: 'condition_1', sourceHandle: 'otherwise', target: 'end' });
    expect(validatePlaybook(doc).findings.filter((f) => f.code === 'PORT_UNCONNECTED')).toMatchObject([
      { nodeId: 'condition_1', port: 'rule:rule_1' },
    ]);
    doc = connectPort(doc, { source: 'condition_1', sourceHandle: 'rule:rule_1', target: 'end' });
    expect(validatePlaybook(doc)).toMatchObject({ ok: true, findings: [] });
  });

  it('drops the connection of a removed rule', () => {
    const added = addNode(blank(), 'condition', { x: 0, y: 400 });
    const doc = connectPort(added.doc, { source: 'condition_1', sourceHandle: 'rule:rule_1', target: 'end' });
    const node = doc.flow.nodes.find((n) => n.id === 'condition_1');
    if (node?.type !== 'condition') throw new Error('no condition card');
    const next = replaceNode(doc, { ...node, rules: [] });
    expect(next.flow.edges.filter((e) => e.from.nodeId === 'condition_1')).toEqual([]);
  });

  it('adds a set variable card that asks for its variable', () => {
    const added = addNode(blank(), 'set_variable', { x: 0, y: 400 });
    let doc = connectPort(added.doc, { source: 'greeting', sourceHandle: 'next', target: 'set_variable_1' });
    doc = connectPort(doc, { source: 'set_variable_1', sourceHandle: 'next', target: 'end' });
    expect(validatePlaybook(doc).findings.map((f) => f.code)).toEqual(['SET_VARIABLE_NAME_EMPTY']);
  });

  it('labels rule exits with the rule, and otherwise in the UI language', () => {
    const rule = {
      id: 'r',
      input: { kind: 'visitor_attribute' as const, key: 'plan' },
      operator: 'equals',
      value: 'pro',
    };
    expect(ruleSummary(t, rule)).toBe('visitor.plan = pro');
    expect(ruleSummary(t, { ...rule, input: { kind: 'language' }, operator: 'is_set' })).toBe(
      'Visitor language is set',
    );
    const node = { id: 'c', type: 'condition' as const, rules: [rule] };
    const [rulePort, otherwise] = portsOf(node);
    expect(rulePort && portLabel(t, node, rulePort)).toBe('visitor.plan = pro');
    expect(otherwise && portLabel(t, node, otherwise)).toBe('Otherwise');
  });

  it('reads preview attributes written as identify() would pass them, skipping bad keys', () => {
    expect(parsePreviewAttributes(' plan = pro, seats=12,Bad Key=x, =y, trial')).toEqual({
      plan: 'pro',
      seats: '12',
    });
    expect(parsePreviewAttributes('')).toEqual({});
  });
});
