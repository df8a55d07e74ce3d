import type { TConditionNode, TConditionRule, TSetVariableNode } from './condition.schema';
import { endNode, makeDoc, messageNode, richText } from './playbook.fixtures';
import type { TPlaybookDocument } from './playbook.schema';

/** A rule `rule` of a condition card testing `input` (default: the identify() attribute `plan`). */
export function rule(
  id: string,
  operator: string,
  value?: string,
  input: TConditionRule['input'] = { kind: 'visitor_attribute', key: 'plan' },
): TConditionRule {
  return { id, input, operator, ...(value !== undefined && { value }) };
}

export function conditionNode(id: string, rules: TConditionRule[]): TConditionNode {
  return { id, type: 'condition', rules };
}

export function setVariableNode(id: string, variable: string, value: string): TSetVariableNode {
  return { id, type: 'set_variable', variable, value };
}

/**
 * hi → condition `cond` with `rules` (each rule's exit to its own message `say_<id>`) and
 * `otherwise` → `say_other` (unless `otherwise` is false), every message → end.
 */
export function branching(
  rules: TConditionRule[],
  options: { otherwise?: boolean; variables?: TPlaybookDocument['variables'] } = {},
): TPlaybookDocument {
  const says = rules.map((r) => messageNode(`say_${r.id}`, { content: richText(`Rule ${r.id}`) }));
  const other = messageNode('say_other', { content: richText('Otherwise') });
  return makeDoc({
    nodes: [
      messageNode('hi'),
      conditionNode('cond', rules),
      ...says,
      ...(options.otherwise === false ? [] : [other]),
      endNode('end'),
    ],
    links: [
      ['hi', 'next', 'cond'],
      ...rules.map((r): [string, string, string] => ['cond', `rule:${r.id}`, `say_${r.id}`]),
      ...(options.otherwise === false
        ? []
        : ([['cond', 'otherwise', 'say_other']] as [string, string, string][])),
      ...says.map((s): [string, string, string] => [s.id, 'next', 'end']),
      ...(options.otherwise === false ? [] : ([['say_other', 'next', 'end']] as [string, string, string][])),
    ],
    variables: options.variables,
  });
}

/** hi → set `variable` to `value` → a message saying `text` → end. */
export function setting(variable: string, value: string, text = 'Hello {{greeting}}'): TPlaybookDocument {
  return makeDoc({
    nodes: [
      messageNode('hi'),
      setVariableNode('set', variable, value),
      messageNode('after', { content: richText(text) }),
      endNode('end'),
    ],
    links: [
      ['hi', 'next', 'set'],
      ['set', 'next', 'after'],
      ['after', 'next', 'end'],
    ],
    variables: [{ key: 'greeting', label: 'Greeting', type: 'text' }],
  });
}
