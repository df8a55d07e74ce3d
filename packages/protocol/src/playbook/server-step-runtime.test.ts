import { describe, expect, it } from 'vitest';
import { calling, pausing } from './http-request.fixtures';
import type { TPlaybookDocument } from './playbook.schema';
import type { TRunInput, TRunState } from './run-state.schema';
import { advance, expectedInputsOf, startRun, type TRunStep } from './runtime-step';
import { pendingServerStep } from './server-step';

function step(doc: TPlaybookDocument, state: TRunState, input: TRunInput): TRunStep {
  const result = advance(doc, state, input);
  if ('error' in result) throw new Error(result.error);
  return result;
}

function begin(doc: TPlaybookDocument, vars: Record<string, string> = {}): TRunStep {
  const state = startRun(doc, { locale: 'en' });
  Object.assign(state.vars, vars);
  return step(doc, state, { kind: 'start' });
}

const said = (s: TRunStep) =>
  s.outputs.flatMap((o) =>
    o.kind === 'bot_message' && o.content.content[0]?.type === 'paragraph'
      ? [(o.content.content[0].content ?? []).map((t) => t.text).join('')]
      : [],
  );

describe('wait card at run time', () => {
  const doc = pausing(5);

  it('says what comes before, then hands the pause to the server', () => {
    const first = begin(doc);
    expect(said(first)).toEqual(['Message hi']);
    expect(first.state).toMatchObject({ nodeId: 'pause', status: 'server_step' });
    expect(first.effect).toEqual({ kind: 'wait', nodeId: 'pause', seconds: 5 });
    expect(expectedInputsOf(doc, first.state)).toEqual(['wait_over']);
  });

  it('goes on with the next card when the pause is over', () => {
    const after = step(doc, begin(doc).state, { kind: 'wait_over' });
    expect(said(after)).toEqual(['Message after']);
    expect(after.effect).toMatchObject({ kind: 'end', nodeId: 'end' });
  });

  it('takes no visitor input while paused', () => {
    const paused = begin(doc).state;
    expect(advance(doc, paused, { kind: 'text', text: 'hello?' })).toEqual({ error: 'INPUT_NOT_EXPECTED' });
    expect(advance(doc, paused, { kind: 'http_failed', reason: 'timeout' })).toEqual({
      error: 'INPUT_NOT_EXPECTED',
    });
  });
});

describe('HTTP request card at run time', () => {
  const doc = calling({
    method: 'POST',
    url: 'https://api.example.com/plans?lang={{locale}}',
    body: '{"email": "{{visitor_email}}"}',
    timeoutSeconds: 3,
  });

  it('hands the request, with its templates filled, to the server', () => {
    const first = begin(doc, { visitor_email: 'ana@example.com' });
    expect(first.state).toMatchObject({ nodeId: 'call', status: 'server_step' });
    expect(first.effect).toEqual({
      kind: 'http_request',
      nodeId: 'call',
      request: {
        method: 'POST',
        url: 'https://api.example.com/plans?lang=en',
        body: '{"email": "ana@example.com"}',
        timeoutMs: 3000,
      },
    });
    expect(expectedInputsOf(doc, first.state)).toEqual(['http_response', 'http_failed']);
  });

  it('recomputes the same request from the stored state alone (another process after a crash)', () => {
    const first = begin(doc, { visitor_email: 'ana@example.com' });
    const stored = JSON.parse(JSON.stringify(first.state)) as TRunState;
    expect(pendingServerStep(doc, stored)).toEqual(first.effect);
    expect(pendingServerStep(doc, { ...stored, status: 'awaiting_input' })).toBeNull();
  });

  it('maps the answer into variables and goes on through next', () => {
    const after = step(doc, begin(doc).state, { kind: 'http_response', json: { data: { plan: 'pro' } } });
    expect(said(after)).toEqual(['Your plan: pro']);
    expect(after.state.vars.plan).toBe('pro');
  });

  it('takes the failed exit when the call failed', () => {
    const after = step(doc, begin(doc).state, { kind: 'http_failed', reason: 'status' });
    expect(said(after)).toEqual(['We could not check.']);
    expect(after.state.vars.plan).toBeUndefined();
  });

  it('goes on through next after a failure when failed is not connected', () => {
    const single = calling({}, { failed: false });
    const after = step(single, begin(single).state, { kind: 'http_failed', reason: 'timeout' });
    expect(said(after)).toEqual(['Your plan: ']);
  });
});
