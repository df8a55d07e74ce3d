import { OTHERWISE_PORT, rulePort } from './condition-eval';
import type { TPlaybookNode } from './playbook.schema';

export type TPortKind =
  'next' | 'option' | 'skipped' | 'invalid' | 'offline' | 'rule' | 'otherwise' | 'failed';

/** One outgoing connector of a node. `label` is English; editors may translate by `kind`. */
export type TPortSpec = {
  name: string;
  required: boolean;
  label: string;
  kind: TPortKind;
  /** For `option:<id>` ports. */
  optionId?: string;
  /** For `rule:<id>` ports of a condition card. */
  ruleId?: string;
};

const OPTION_PREFIX = 'option:';

/** Port name of a button option. */
export function optionPort(optionId: string): string {
  return `${OPTION_PREFIX}${optionId}`;
}

/**
 * THE port table (docs/playbook-model.md, Cards): the validator, the editor and the runtime all read it.
 * `skipped` exists only on optional captures, `invalid` only on captures that validate.
 * An unconnected `skipped` falls through to `next`; an unconnected `invalid` re-asks; an
 * unconnected `failed` (HTTP request card) goes on through `next`.
 */
export function portsOf(node: TPlaybookNode): TPortSpec[] {
  switch (node.type) {
    case 'message':
      return [{ name: 'next', required: true, label: 'Next', kind: 'next' }];
    case 'question':
      if (node.answer.kind === 'free_text')
        return [{ name: 'next', required: true, label: 'Next', kind: 'next' }];
      return node.answer.options.map((o) => ({
        name: optionPort(o.id),
        required: true,
        label: o.label,
        kind: 'option' as const,
        optionId: o.id,
      }));
    case 'capture': {
      const ports: TPortSpec[] = [{ name: 'next', required: true, label: 'Next', kind: 'next' }];
      if (!node.required) ports.push({ name: 'skipped', required: false, label: 'Skipped', kind: 'skipped' });
      if (node.validation.kind !== 'none') {
        ports.push({ name: 'invalid', required: false, label: 'Invalid', kind: 'invalid' });
      }
      return ports;
    }
    case 'live_chat':
      return [{ name: 'offline', required: true, label: 'Offline', kind: 'offline' }];
    case 'end':
      return [];
    case 'set_variable':
    case 'wait':
      return [{ name: 'next', required: true, label: 'Next', kind: 'next' }];
    case 'http_request':
      return [
        { name: 'next', required: true, label: 'Next', kind: 'next' },
        { name: 'failed', required: false, label: 'Failed', kind: 'failed' },
      ];
    case 'condition':
      return [
        ...node.rules.map((rule, index) => ({
          name: rulePort(rule.id),
          required: true,
          label: `Rule ${index + 1}`,
          kind: 'rule' as const,
          ruleId: rule.id,
        })),
        // Unconnected, it is CONDITION_OTHERWISE_UNCONNECTED (rule 20), not PORT_UNCONNECTED.
        { name: OTHERWISE_PORT, required: true, label: 'Otherwise', kind: 'otherwise' },
      ];
  }
}

/** The port spec of `node` named `port`, or null when the node has no such port. */
export function findPort(node: TPlaybookNode, port: string): TPortSpec | null {
  return portsOf(node).find((p) => p.name === port) ?? null;
}
