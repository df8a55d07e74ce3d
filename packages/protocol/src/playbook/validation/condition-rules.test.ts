import { describe, expect, it } from 'vitest';
import { branching, rule, setting } from '../condition.fixtures';
import { findingsOf } from '../playbook.fixtures';
import { validatePlaybook } from '../validate-playbook';

describe('rule 20: condition cards', () => {
  it('reports an unconnected otherwise once, with its own code and port', () => {
    const doc = branching([rule('pro', 'equals', 'pro')], { otherwise: false });
    expect(findingsOf(doc, 'CONDITION_OTHERWISE_UNCONNECTED')).toMatchObject([
      { nodeId: 'cond', port: 'otherwise', severity: 'error' },
    ]);
    expect(findingsOf(doc, 'PORT_UNCONNECTED')).toEqual([]);
  });

  it('reports an unconnected rule exit as PORT_UNCONNECTED on that port', () => {
    const doc = branching([rule('pro', 'equals', 'pro')]);
    doc.flow.edges = doc.flow.edges.filter((e) => e.from.port !== 'rule:pro');
    expect(findingsOf(doc, 'PORT_UNCONNECTED')).toMatchObject([{ nodeId: 'cond', port: 'rule:pro' }]);
  });

  it('points each rule finding at the rule field', () => {
    const doc = branching([rule('a', 'equals', 'x'), rule('b', 'less_than', '1,5'), rule('c', 'nope')]);
    expect(findingsOf(doc, 'CONDITION_VALUE_NOT_NUMBER')).toMatchObject([
      { path: ['flow', 'nodes', '1', 'rules', '1', 'value'] },
    ]);
    expect(findingsOf(doc, 'CONDITION_OPERATOR_UNKNOWN')).toMatchObject([
      { path: ['flow', 'nodes', '1', 'rules', '2', 'operator'] },
    ]);
  });

  it('does not ask for a value for is set / is not set', () => {
    const doc = branching([rule('a', 'is_set'), rule('b', 'is_not_set')]);
    expect(validatePlaybook(doc).findings).toEqual([]);
  });

  it('reports two rules with the same id', () => {
    const doc = branching([rule('a', 'is_set')]);
    const cond = doc.flow.nodes[1];
    if (cond?.type === 'condition') cond.rules.push(rule('a', 'is_not_set'));
    expect(findingsOf(doc, 'DUPLICATE_ID')).toMatchObject([{ nodeId: 'cond' }]);
  });

  it('needs a declared variable as input, but any identify() attribute', () => {
    const undeclared = branching([rule('a', 'equals', 'x', { kind: 'variable', key: 'budget' })]);
    expect(findingsOf(undeclared, 'VARIABLE_UNDECLARED')).toMatchObject([
      { nodeId: 'cond', path: ['flow', 'nodes', '1', 'rules', '0', 'input', 'key'] },
    ]);
    const declared = branching([rule('a', 'equals', 'x', { kind: 'variable', key: 'budget' })], {
      variables: [{ key: 'budget', label: 'Budget', type: 'number' }],
    });
    expect(validatePlaybook(declared).findings).toEqual([]);
    expect(
      validatePlaybook(branching([rule('a', 'equals', 'x', { kind: 'visitor_attribute', key: 'anything' })]))
        .ok,
    ).toBe(true);
  });
});

describe('rule 21: set variable cards', () => {
  it('needs a declared variable, and declared variables in its template', () => {
    expect(findingsOf(setting('nope', 'x', 'Hello'), 'VARIABLE_UNDECLARED')).toMatchObject([
      { nodeId: 'set', path: ['flow', 'nodes', '1', 'variable'] },
    ]);
    expect(findingsOf(setting('greeting', '{{nope}}'), 'VARIABLE_UNDECLARED')).toMatchObject([
      { nodeId: 'set', path: ['flow', 'nodes', '1', 'value'] },
    ]);
  });

  it('counts as assigning its variable, so a later {{variable}} is not "maybe unset"', () => {
    expect(findingsOf(setting('greeting', 'x'), 'VARIABLE_MAYBE_UNSET')).toEqual([]);
    expect(findingsOf(setting('visitor_name', 'x'), 'VARIABLE_MAYBE_UNSET')).toHaveLength(1);
  });
});
