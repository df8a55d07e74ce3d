import type { TPlaybookNode } from '../playbook.schema';
import type { TFinding } from '../playbook-findings';
import {
  richTextFieldsOf,
  templateFieldsOf,
  templateVariablesOfRichText,
  templateVariablesOfString,
} from '../playbook-text';
import { CONTEXT_VARIABLE_KEYS, IDENTITY_VARIABLE_KEYS } from '../system-variables';
import { isForwardEdge, type TRuleContext } from './rule-context';

/** The variables a card writes when the run leaves it through `port`. */
export function variablesWrittenOn(node: TPlaybookNode, port: string): string[] {
  if (node.type === 'capture') return port === 'next' ? [node.saveTo] : [];
  if (node.type === 'question') return node.answer.saveTo === undefined ? [] : [node.answer.saveTo];
  if (node.type === 'set_variable') return node.variable === '' ? [] : [node.variable];
  // The answer's values are set only when the call succeeded.
  if (node.type === 'http_request' && port === 'next')
    return node.mapping.map((m) => m.variable).filter((v) => v !== '');
  return [];
}

type TRead = { key: string; path: string[] };

/** The variable fields a card writes (capture, question, set variable, HTTP mapping), with their paths. */
function writtenFields(node: TPlaybookNode, path: string[]): TRead[] {
  if (node.type === 'capture') return [{ key: node.saveTo, path: [...path, 'saveTo'] }];
  if (node.type === 'question' && node.answer.saveTo !== undefined)
    return [{ key: node.answer.saveTo, path: [...path, 'answer', 'saveTo'] }];
  // An empty name is SET_VARIABLE_NAME_EMPTY (rule 21) or HTTP_MAPPING_VARIABLE_INVALID (rule 23).
  if (node.type === 'set_variable' && node.variable !== '')
    return [{ key: node.variable, path: [...path, 'variable'] }];
  if (node.type === 'http_request') {
    return node.mapping.flatMap((m, i) =>
      m.variable === '' ? [] : [{ key: m.variable, path: [...path, 'mapping', String(i), 'variable'] }],
    );
  }
  return [];
}

/** Variables a card reads, each once, with the path of the field of its first use. */
function readsOf(node: TPlaybookNode, nodePath: string[]): TRead[] {
  const reads: TRead[] = [];
  const add = (key: string, path: string[]) => {
    if (!reads.some((r) => r.key === key)) reads.push({ key, path });
  };
  for (const { field, text } of richTextFieldsOf(node)) {
    for (const key of templateVariablesOfRichText(text)) add(key, [...nodePath, field]);
  }
  for (const { path, template } of templateFieldsOf(node)) {
    for (const key of templateVariablesOfString(template)) add(key, [...nodePath, ...path]);
  }
  return reads;
}

/** Rule 13, first half: every `{{var}}` and every `saveTo` names a declared variable. */
export function undeclaredVariableFindings(ctx: TRuleContext): TFinding[] {
  const findings: TFinding[] = [];
  const greeting = ctx.doc.targeting.greeting.text;
  if (greeting) {
    for (const key of templateVariablesOfRichText(greeting)) {
      if (ctx.declared.has(key)) continue;
      findings.push({
        code: 'VARIABLE_UNDECLARED',
        severity: 'error',
        path: ['targeting', 'greeting', 'text'],
        message: `The greeting uses {{${key}}}, which is not a declared variable.`,
      });
    }
  }
  ctx.doc.flow.nodes.forEach((node, i) => {
    const path = ['flow', 'nodes', String(i)];
    for (const writes of writtenFields(node, path)) {
      if (ctx.declared.has(writes.key)) continue;
      findings.push({
        code: 'VARIABLE_UNDECLARED',
        severity: 'error',
        nodeId: node.id,
        path: writes.path,
        message: `The answer is saved to "${writes.key}", which is not a declared variable.`,
      });
    }
    if (node.type === 'condition') {
      node.rules.forEach((rule, r) => {
        if (rule.input.kind !== 'variable' || ctx.declared.has(rule.input.key)) return;
        findings.push({
          code: 'VARIABLE_UNDECLARED',
          severity: 'error',
          nodeId: node.id,
          path: [...path, 'rules', String(r), 'input', 'key'],
          message: `The rule tests "${rule.input.key}", which is not a declared variable.`,
        });
      });
    }
    for (const read of readsOf(node, path)) {
      if (ctx.declared.has(read.key)) continue;
      findings.push({
        code: 'VARIABLE_UNDECLARED',
        severity: 'error',
        nodeId: node.id,
        path: read.path,
        message: `{{${read.key}}} is not a declared variable.`,
      });
    }
  });
  return findings;
}

type TFlowFacts = {
  /** Variables set on every path from the start to the card (before the card runs). */
  assigned: Set<string>;
  /** Some path to the card has captured an identity. */
  anyIdentity: boolean;
  /** Every path to the card has captured an identity. */
  allIdentity: boolean;
};

/** Forward "definitely assigned" analysis over the reachable DAG (back edges ignored). */
export function flowFacts(ctx: TRuleContext): Map<string, TFlowFacts> {
  const facts = new Map<string, TFlowFacts>();
  if (!ctx.hasStart) return facts;
  facts.set(ctx.doc.flow.startNodeId, {
    assigned: new Set(CONTEXT_VARIABLE_KEYS),
    anyIdentity: false,
    allIdentity: false,
  });
  const identity = new Set<string>(IDENTITY_VARIABLE_KEYS);
  for (const id of ctx.topoOrder) {
    const here = facts.get(id);
    const node = ctx.graph.nodes.get(id);
    if (!here || !node) continue;
    for (const { port, to } of ctx.graph.outgoing.get(id) ?? []) {
      if (!isForwardEdge(ctx, id, to)) continue;
      const written = variablesWrittenOn(node, port.name);
      const assigned = new Set([...here.assigned, ...written]);
      const writesIdentity = written.some((key) => identity.has(key));
      const out = {
        assigned,
        anyIdentity: here.anyIdentity || writesIdentity,
        allIdentity: here.allIdentity || writesIdentity,
      };
      const there = facts.get(to);
      if (!there) {
        facts.set(to, out);
        continue;
      }
      facts.set(to, {
        assigned: new Set([...there.assigned].filter((k) => out.assigned.has(k))),
        anyIdentity: there.anyIdentity || out.anyIdentity,
        allIdentity: there.allIdentity && out.allIdentity,
      });
    }
  }
  return facts;
}

/** Rule 13, second half: warns where a declared variable may still be unset (it renders empty). */
export function maybeUnsetFindings(ctx: TRuleContext, facts: Map<string, TFlowFacts>): TFinding[] {
  const findings: TFinding[] = [];
  const greeting = ctx.doc.targeting.greeting.text;
  if (greeting) {
    for (const key of templateVariablesOfRichText(greeting)) {
      if (!ctx.declared.has(key) || (CONTEXT_VARIABLE_KEYS as readonly string[]).includes(key)) continue;
      findings.push({
        code: 'VARIABLE_MAYBE_UNSET',
        severity: 'warning',
        path: ['targeting', 'greeting', 'text'],
        message: `The greeting shows before anything is captured, so {{${key}}} is empty there.`,
      });
    }
  }
  for (const id of ctx.graph.nodeIds) {
    const node = ctx.graph.nodes.get(id);
    const assigned = facts.get(id)?.assigned;
    if (!node || !assigned || !ctx.reachable.has(id)) continue;
    for (const read of readsOf(node, ['flow', 'nodes', String(ctx.nodeIndex.get(id) ?? -1)])) {
      if (!ctx.declared.has(read.key) || assigned.has(read.key)) continue;
      findings.push({
        code: 'VARIABLE_MAYBE_UNSET',
        severity: 'warning',
        nodeId: id,
        path: read.path,
        message: `{{${read.key}}} may not be set when this card runs; it will show as empty.`,
      });
    }
  }
  return findings;
}

/** Rule 14: an end that creates a person, lead or deal needs an identity captured on every path to it. */
export function outcomeIdentityFindings(ctx: TRuleContext, facts: Map<string, TFlowFacts>): TFinding[] {
  const findings: TFinding[] = [];
  for (const id of ctx.graph.nodeIds) {
    const node = ctx.graph.nodes.get(id);
    const fact = facts.get(id);
    if (node?.type !== 'end' || !fact) continue;
    if (node.crm.record.kind === 'none' && node.crm.person.mode === 'none') continue;
    if (fact.allIdentity) continue;
    findings.push({
      code: 'OUTCOME_NO_IDENTITY',
      severity: fact.anyIdentity ? 'warning' : 'error',
      nodeId: id,
      path: ['flow', 'nodes', String(ctx.nodeIndex.get(id) ?? -1), 'crm'],
      message: fact.anyIdentity
        ? 'Some paths reach this end without capturing a name, email, phone or company for the CRM record.'
        : 'No path captures a name, email, phone or company before this end, so it cannot create a CRM record.',
    });
  }
  return findings;
}
