import { describe, expect, it } from 'vitest';
import { attributeVars, visitorAttributeRunVars } from './attribute-vars';
import { branching, rule, setting } from './condition.fixtures';
import type { TPlaybookDocument } from './playbook.schema';
import { advance, startRun, type TRunStep } from './runtime-step';
import { validatePlaybook } from './validate-playbook';

/** Starts `doc` for a visitor with identify() `attributes`, as the server does, and runs `start`. */
function begin(doc: TPlaybookDocument, attributes: Record<string, string | number | boolean> = {}): TRunStep {
  const state = startRun(doc, { page_url: 'https://shop.example/pricing', referrer: '', locale: 'es' });
  Object.assign(state.vars, attributeVars(doc, attributes), visitorAttributeRunVars(attributes));
  const step = advance(doc, state, { kind: 'start' });
  if ('error' in step) throw new Error(step.error);
  return step;
}

function said(step: TRunStep): string[] {
  return step.outputs.flatMap((o) =>
    o.kind === 'bot_message'
      ? [
          o.content.content
            .map((b) => (b.type === 'paragraph' ? (b.content ?? []).map((t) => t.text).join('') : ''))
            .join(''),
        ]
      : [],
  );
}

describe('condition card at run time', () => {
  const seats = { kind: 'visitor_attribute', key: 'seats' } as const;
  const doc = branching([rule('pro', 'equals', 'pro'), rule('big', 'greater_than', '10', seats)]);

  it('is a valid playbook', () => {
    expect(validatePlaybook(doc).findings).toEqual([]);
  });

  it('sends a visitor with plan=pro down the first rule, plan=free with 50 seats down the second', () => {
    expect(said(begin(doc, { plan: 'pro' }))).toEqual(['Message hi', 'Rule pro']);
    expect(said(begin(doc, { plan: 'free', seats: 50 }))).toEqual(['Message hi', 'Rule big']);
  });

  it('takes otherwise for plan=free with few seats, and without attributes', () => {
    expect(said(begin(doc, { plan: 'free', seats: 3 }))).toEqual(['Message hi', 'Otherwise']);
    const step = begin(doc);
    expect(said(step)).toEqual(['Message hi', 'Otherwise']);
    expect(step.state.status).toBe('ended');
    expect(step.effect).toMatchObject({ kind: 'end', nodeId: 'end' });
  });

  it('branches on the visitor language and the page URL', () => {
    const byPage = branching([
      rule('en', 'equals', 'en', { kind: 'language' }),
      rule('pricing', 'contains', '/pricing', { kind: 'page_url' }),
    ]);
    expect(said(begin(byPage))).toEqual(['Message hi', 'Rule pricing']);
  });
});

describe('set variable card at run time', () => {
  it('sets a literal that a later message shows, and keeps it in the run state', () => {
    const step = begin(setting('greeting', 'friend'));
    expect(said(step)).toEqual(['Message hi', 'Hello friend']);
    expect(step.state.vars.greeting).toBe('friend');
  });

  it('fills a template from other variables, including identify() attributes declared as variables', () => {
    const doc = setting('greeting', '{{plan}} customer on {{page_url}}');
    doc.variables.push({ key: 'plan', label: 'Plan', type: 'text' });
    expect(said(begin(doc, { plan: 'pro' }))).toEqual([
      'Message hi',
      'Hello pro customer on https://shop.example/pricing',
    ]);
  });
});
