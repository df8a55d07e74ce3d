import { richTextFromPlain } from '../rich-text/rich-text.util';
import { describe, expect, it } from 'vitest';
import type { TRichText } from '../rich-text/rich-text.schema';
import {
  buttonsNode,
  captureNode,
  endNode,
  freeTextNode,
  LEAD_CRM,
  liveChatNode,
  makeDoc,
  messageNode,
  richText,
} from './playbook.fixtures';
import type { TPlaybookDocument } from './playbook.schema';
import type { TRunInput, TRunOutput, TRunState } from './run-state.schema';
import { ZRunState } from './run-state.schema';
import { advance, expectedInputsOf, startRun, type TRunStep } from './runtime-step';
import { playbookTemplates } from './templates';

function plain(content: TRichText): string {
  return content.content
    .flatMap((b) => (b.type === 'paragraph' ? [b] : b.type === 'bullet_list' ? b.items : []))
    .map((p) => (p.content ?? []).map((t) => t.text).join(''))
    .join('\n');
}

/** Outputs as short strings: `say:<text>`, `buttons:<ids>`, `ask:<field>`, `error:<message>`. */
function describeOutputs(outputs: TRunOutput[]): string[] {
  return outputs.map((o) => {
    switch (o.kind) {
      case 'bot_message':
        return `say:${plain(o.content)}`;
      case 'ask_buttons':
        return `buttons:${o.options.map((x) => x.id).join(',')}`;
      case 'ask_text':
        return `ask:${o.field}`;
      case 'validation_error':
        return `error:${o.message}`;
    }
  });
}

function step(doc: TPlaybookDocument, state: TRunState, input: TRunInput): TRunStep {
  const result = advance(doc, state, input);
  if ('error' in result)
    throw new Error(`${input.kind} was not expected in ${state.status} at ${state.nodeId}`);
  return result;
}

/** Starts a run and feeds it `inputs`, returning every step. */
function play(doc: TPlaybookDocument, ...inputs: TRunInput[]): TRunStep[] {
  const steps: TRunStep[] = [];
  let state = startRun(doc, { page_url: 'https://shop.example/pricing', referrer: '', locale: 'en-GB' });
  for (const input of [{ kind: 'start' } as const, ...inputs]) {
    const s = step(doc, state, input);
    steps.push(s);
    state = s.state;
  }
  return steps;
}

function last(steps: TRunStep[]): TRunStep {
  const s = steps[steps.length - 1];
  if (!s) throw new Error('no steps');
  return s;
}

const button = (optionId: string): TRunInput => ({ kind: 'button', optionId });
const text = (value: string): TRunInput => ({ kind: 'text', text: value });
const SKIP: TRunInput = { kind: 'skip' };
const OFFLINE: TRunInput = { kind: 'live_chat_offline' };

describe('startRun', () => {
  it('positions the run at the start card with the page context set', () => {
    const doc = playbookTemplates.blank.build('en');
    const state = startRun(doc, { page_url: 'https://a.example/x' });
    expect(state).toEqual({
      nodeId: 'greeting',
      vars: { page_url: 'https://a.example/x', referrer: '', locale: '', back_at: '' },
      attempts: {},
      status: 'running',
    });
    expect(ZRunState.parse(state)).toEqual(state);
  });
});

describe('advance', () => {
  describe('blank template', () => {
    it('greets and ends neutrally on start', () => {
      const [s] = play(playbookTemplates.blank.build('en'));
      expect(describeOutputs(s?.outputs ?? [])).toEqual(['say:Hi! 👋 How can we help you today?']);
      expect(s?.state).toMatchObject({ status: 'ended', nodeId: 'end' });
      expect(s?.effect).toMatchObject({
        kind: 'end',
        outcome: 'neutral',
        closingMessage: null,
        crm: { record: { kind: 'none' } },
      });
    });
  });

  describe('live chat template', () => {
    const doc = playbookTemplates.live_chat.build('en');

    it('asks whether to talk to someone after the greeting', () => {
      const [s] = play(doc);
      expect(describeOutputs(s?.outputs ?? [])).toEqual([
        'say:Hi! 👋 Thanks for stopping by.',
        'say:Would you like to talk to someone from our team?',
        'buttons:talk,browse',
      ]);
      expect(s?.state).toMatchObject({ status: 'awaiting_input', nodeId: 'choose' });
      expect(s?.effect).toEqual({ kind: 'none' });
    });

    it('ends neutrally for someone just browsing', () => {
      const s = last(play(doc, button('browse')));
      expect(s.effect).toMatchObject({ kind: 'end', nodeId: 'end_browsing', outcome: 'neutral' });
      expect(s.state.status).toBe('ended');
    });

    it('hands off to the live chat with both messages and the waiting time', () => {
      const s = last(play(doc, button('talk')));
      expect(s.outputs).toEqual([]);
      expect(s.state).toMatchObject({ status: 'live_chat', nodeId: 'live_chat' });
      expect(s.effect).toMatchObject({ kind: 'enter_live_chat', nodeId: 'live_chat', waitSeconds: 60 });
      if (s.effect.kind !== 'enter_live_chat') throw new Error('expected live chat');
      expect(plain(s.effect.onlineMessage)).toContain('connecting you');
      expect(plain(s.effect.offlineMessage)).toContain('isn’t available');
      expect(expectedInputsOf(doc, s.state)).toEqual(['live_chat_offline']);
    });

    it('says when live chat is back in the offline message outside business hours ({{back_at}})', () => {
      const closed = structuredClone(doc);
      for (const node of closed.flow.nodes)
        if (node.type === 'live_chat')
          node.offlineMessage = richTextFromPlain('We are closed. Back {{back_at}}.');
      const s = last(
        play(closed, button('talk'), { kind: 'live_chat_offline', backAt: 'on Monday at 9:00' }),
      );
      expect(describeOutputs(s.outputs)[0]).toBe('say:We are closed. Back on Monday at 9:00.');
      expect(s.state.vars.back_at).toBe('on Monday at 9:00');
      // Offline for another reason (nobody online): the variable is empty.
      const other = last(play(closed, button('talk'), OFFLINE));
      expect(describeOutputs(other.outputs)[0]).toBe('say:We are closed. Back .');
    });

    it('follows the offline path to a qualified lead with interpolated texts', () => {
      const steps = play(
        doc,
        button('talk'),
        OFFLINE,
        text('Ada Lovelace'),
        text('not an email'),
        text(' Ada@Example.COM '),
      );
      const [, , offline, name, wrong, email] = steps;
      expect(describeOutputs(offline?.outputs ?? [])).toEqual([
        'say:Our team isn’t available right now. Leave your details and we’ll get back to you soon.',
        'say:What’s your name?',
        'ask:name',
      ]);
      expect(describeOutputs(name?.outputs ?? [])).toEqual([
        'say:Thanks, Ada Lovelace! What’s your email address?',
        'ask:email',
      ]);
      expect(describeOutputs(wrong?.outputs ?? [])).toEqual([
        'error:That doesn’t look like an email address. Please try again.',
        'ask:email',
      ]);
      expect(wrong?.state.attempts).toEqual({ ask_email: 1 });
      expect(email?.state).toMatchObject({
        status: 'ended',
        nodeId: 'end_follow_up',
        attempts: {},
        vars: {
          visitor_name: 'Ada Lovelace',
          visitor_email: 'ada@example.com',
          page_url: 'https://shop.example/pricing',
        },
      });
      expect(email?.effect).toEqual({
        kind: 'end',
        nodeId: 'end_follow_up',
        outcome: 'qualified',
        crm: {
          person: { mode: 'upsert_by_email_or_phone' },
          organization: { mode: 'none' },
          record: { kind: 'lead', title: 'Ada Lovelace (live chat, offline)' },
          activity: { type: 'email', subject: 'Reply to Ada Lovelace', dueInMinutes: 240 },
          owner: { strategy: 'unassigned' },
          saveTranscript: true,
        },
        closingMessage: richText(
          'Thanks, Ada Lovelace! We’ll get back to you at ada@example.com as soon as we can.',
        ),
      });
    });

    it('speaks Spanish when built in Spanish', () => {
      const [s] = play(playbookTemplates.live_chat.build('es'));
      expect(describeOutputs(s?.outputs ?? [])[0]).toBe('say:¡Hola! 👋 Gracias por visitarnos.');
    });

    it('re-asks forever when the invalid port is not connected', () => {
      const bad = Array.from({ length: 5 }, () => text('nope'));
      const s = last(play(doc, button('talk'), OFFLINE, text('Ada'), ...bad));
      expect(s.state).toMatchObject({
        status: 'awaiting_input',
        nodeId: 'ask_email',
        attempts: { ask_email: 5 },
      });
    });
  });

  describe('lead qualification template', () => {
    const doc = playbookTemplates.lead_qualification.build('en');
    const answers = [text('Grace'), text('grace@acme.test'), text('Acme')];

    it('disqualifies small teams', () => {
      expect(last(play(doc, ...answers, button('small'))).effect).toMatchObject({
        kind: 'end',
        outcome: 'disqualified',
      });
    });

    it('creates a lead for mid-size teams', () => {
      expect(last(play(doc, ...answers, button('medium'))).effect).toMatchObject({
        outcome: 'qualified',
        crm: {
          organization: { mode: 'upsert_by_name' },
          record: { kind: 'lead', title: 'Acme (11–50 people)' },
        },
      });
    });

    it('creates a deal for large teams, saving the chosen label', () => {
      const s = last(play(doc, ...answers, button('enterprise')));
      expect(s.state.vars.team_size).toBe('200+');
      expect(s.effect).toMatchObject({
        crm: { record: { kind: 'deal', title: 'Acme – chatbot deal (200+ people)' } },
      });
    });
  });

  describe('contact capture template', () => {
    const doc = playbookTemplates.contact_capture.build('en');
    const answers = [text('Alan'), text('alan@example.org')];

    it('offers to skip the optional phone', () => {
      const s = last(play(doc, ...answers));
      expect(s.outputs.at(-1)).toMatchObject({ kind: 'ask_text', field: 'phone', required: false });
      expect(expectedInputsOf(doc, s.state)).toEqual(['text', 'skip']);
    });

    it('creates the lead when the phone is skipped', () => {
      const s = last(play(doc, ...answers, SKIP));
      expect(s.effect).toMatchObject({
        kind: 'end',
        crm: { record: { kind: 'lead', title: 'Alan – contact request' } },
      });
      expect(s.state.vars.visitor_phone).toBeUndefined();
    });

    it('normalises the phone number', () => {
      const s = last(play(doc, ...answers, text('+34 (612) 345-678')));
      expect(s.state.vars.visitor_phone).toBe('+34612345678');
      expect(s.effect.kind).toBe('end');
    });

    it('takes the invalid path after the last failed attempt', () => {
      const steps = play(doc, ...answers, text('12'), text('abc'), text('123'));
      expect(steps[steps.length - 2]?.state.status).toBe('awaiting_input');
      const s = last(steps);
      expect(describeOutputs(s.outputs)[0]).toMatch(/^error:/);
      expect(s.effect).toMatchObject({ kind: 'end', nodeId: 'end_contact' });
    });
  });

  describe('inputs that are not expected', () => {
    const doc = playbookTemplates.live_chat.build('en');
    const atChoice = last(play(doc)).state;

    it.each<[string, TRunInput]>([
      ['text while buttons are expected', text('hello')],
      ['an unknown button', button('nope')],
      ['a skip at a question', SKIP],
      ['live chat offline outside a live chat', OFFLINE],
      ['start twice', { kind: 'start' }],
    ])('rejects %s and changes nothing', (_name, input) => {
      const frozen = structuredClone(atChoice);
      expect(advance(doc, atChoice, input)).toEqual({ error: 'INPUT_NOT_EXPECTED' });
      expect(atChoice).toEqual(frozen);
    });

    it('rejects skipping a required capture', () => {
      const state = last(play(doc, button('talk'), OFFLINE)).state;
      expect(advance(doc, state, SKIP)).toEqual({ error: 'INPUT_NOT_EXPECTED' });
    });

    it('rejects a blank answer', () => {
      const state = last(play(doc, button('talk'), OFFLINE)).state;
      expect(advance(doc, state, text('   '))).toEqual({ error: 'INPUT_NOT_EXPECTED' });
    });

    it('rejects everything once the run has ended', () => {
      const state = last(play(doc, button('browse'))).state;
      expect(expectedInputsOf(doc, state)).toEqual([]);
      expect(advance(doc, state, text('hi'))).toEqual({ error: 'INPUT_NOT_EXPECTED' });
      expect(advance(doc, state, { kind: 'start' })).toEqual({ error: 'INPUT_NOT_EXPECTED' });
    });
  });

  describe('other cards', () => {
    it('saves free text and a button value', () => {
      const buttons = buttonsNode('plan', ['a', 'b'], 'plan');
      if (buttons.answer.kind === 'buttons')
        buttons.answer.options[1] = { id: 'b', label: 'Business', value: 'biz' };
      const doc = makeDoc({
        nodes: [
          freeTextNode('why', 'reason'),
          buttons,
          messageNode('echo', { content: richText('{{reason}} / {{plan}}') }),
          endNode('end'),
        ],
        links: [
          ['why', 'next', 'plan'],
          ['plan', 'option:a', 'echo'],
          ['plan', 'option:b', 'echo'],
          ['echo', 'next', 'end'],
        ],
        variables: [
          { key: 'reason', label: 'Reason', type: 'text' },
          { key: 'plan', label: 'Plan', type: 'choice' },
        ],
      });
      const steps = play(doc, text('  Pricing question  '), button('b'));
      expect(describeOutputs(steps[0]?.outputs ?? [])).toEqual(['say:Question why', 'ask:free_text']);
      expect(describeOutputs(last(steps).outputs)).toEqual(['say:Pricing question / biz']);
    });

    it('drops a text that renders empty and leaves unknown variables empty', () => {
      const doc = makeDoc({
        nodes: [messageNode('m', { content: richText('{{visitor_name}}') }), endNode('end')],
        links: [['m', 'next', 'end']],
      });
      const [s] = play(doc);
      expect(s?.outputs[0]).toEqual({
        kind: 'bot_message',
        content: { type: 'doc', content: [{ type: 'paragraph', content: [] }] },
        nodeId: 'm',
      });
    });

    it('checks length and regex validations', () => {
      const doc = makeDoc({
        nodes: [
          messageNode('hi'),
          captureNode('zip', 'custom', 'zip', {
            validation: { kind: 'regex', pattern: '[0-9]{5}', errorMessage: 'Five digits', maxAttempts: 3 },
          }),
          captureNode('nick', 'custom', 'nick', {
            validation: { kind: 'length', min: 2, max: 4, errorMessage: '2–4 letters', maxAttempts: 3 },
          }),
          endNode('end'),
        ],
        links: [
          ['hi', 'next', 'zip'],
          ['zip', 'next', 'nick'],
          ['nick', 'next', 'end'],
        ],
        variables: [
          { key: 'zip', label: 'ZIP', type: 'text' },
          { key: 'nick', label: 'Nick', type: 'text' },
        ],
      });
      const steps = play(doc, text('123456'), text('12345'), text('abcde'), text('abc'));
      expect(
        describeOutputs(steps.map((s) => s.outputs).flat()).filter((o) => o.startsWith('error:')),
      ).toEqual(['error:Five digits', 'error:2–4 letters']);
      expect(last(steps).state.vars).toMatchObject({ zip: '12345', nick: 'abc' });
    });

    it('falls through to next when an optional capture is skipped and skipped is not connected', () => {
      const doc = makeDoc({
        nodes: [
          messageNode('hi'),
          captureNode('phone', 'phone', 'visitor_phone', { required: false }),
          endNode('end'),
        ],
        links: [
          ['hi', 'next', 'phone'],
          ['phone', 'next', 'end'],
        ],
      });
      expect(last(play(doc, SKIP)).effect).toMatchObject({ kind: 'end', nodeId: 'end' });
    });

    it('continues after a live chat went offline into a second branch card', () => {
      const doc = makeDoc({
        nodes: [
          messageNode('hi'),
          liveChatNode('lc'),
          captureNode('email', 'email', 'visitor_email'),
          endNode('end', { outcome: 'qualified', crm: LEAD_CRM }),
        ],
        links: [
          ['hi', 'next', 'lc'],
          ['lc', 'offline', 'email'],
          ['email', 'next', 'end'],
        ],
      });
      const s = last(play(doc, OFFLINE, text('x@y.io')));
      expect(s.effect).toMatchObject({
        kind: 'end',
        crm: { record: { kind: 'lead', title: 'Lead x@y.io' }, owner: { strategy: 'fixed' } },
      });
    });

    it('caps CRM titles at 200 characters and passes the deal value through', () => {
      const doc = makeDoc({
        nodes: [
          freeTextNode('why', 'reason'),
          endNode('end', {
            outcome: 'qualified',
            crm: {
              ...LEAD_CRM,
              record: {
                kind: 'deal',
                titleTemplate: 'Deal: {{reason}}',
                value: { amountMinor: 150000, currency: 'EUR' },
              },
            },
          }),
        ],
        links: [['why', 'next', 'end']],
        variables: [{ key: 'reason', label: 'Reason', type: 'text' }],
      });
      const s = last(play(doc, text('x'.repeat(900))));
      if (s.effect.kind !== 'end' || s.effect.crm.record.kind !== 'deal') throw new Error('expected a deal');
      expect(s.effect.crm.record.title).toHaveLength(200);
      expect(s.effect.crm.record.value).toEqual({ amountMinor: 150000, currency: 'EUR' });
    });

    it('ends with no effect at a dead end of an invalid playbook', () => {
      const doc = makeDoc({ nodes: [messageNode('hi')], links: [] });
      const [s] = play(doc);
      expect(s?.state).toMatchObject({ status: 'ended', nodeId: null });
      expect(s?.effect).toEqual({ kind: 'none' });
    });

    it('stops on a message cycle of an invalid playbook', () => {
      const doc = makeDoc({
        nodes: [messageNode('a'), messageNode('b')],
        links: [
          ['a', 'next', 'b'],
          ['b', 'next', 'a'],
        ],
      });
      const [s] = play(doc);
      expect(s?.state.status).toBe('ended');
      expect(s?.outputs.length).toBeLessThan(5);
    });

    it('never mutates the state it is given', () => {
      const doc = playbookTemplates.live_chat.build('en');
      let state = startRun(doc);
      for (const input of [
        { kind: 'start' } as const,
        button('talk'),
        OFFLINE,
        text('Ada'),
        text('bad'),
        text('a@b.co'),
      ]) {
        const given = state;
        const before = structuredClone(given);
        Object.freeze(given.vars);
        Object.freeze(given.attempts);
        state = step(doc, Object.freeze(given), input).state;
        expect(given).toEqual(before);
      }
      expect(state.status).toBe('ended');
    });
  });
});
