import { describe, expect, it } from 'vitest';
import type { TPlaybookDocument } from './playbook.schema';
import { PLAYBOOK_FINDING_CODES, type TPlaybookFindingCode } from './playbook-findings';
import {
  buttonsNode,
  captureNode,
  endNode,
  findingsOf,
  freeTextNode,
  leadEndNode,
  liveChatNode,
  makeDoc,
  messageNode,
  minimalDoc,
  richText,
} from './playbook.fixtures';
import { validatePlaybook } from './validate-playbook';
import { activityCases } from './validation/activity-rules.cases';
import { conditionCases } from './validation/condition-rules.cases';
import { httpRequestCases } from './validation/http-request-rules.cases';

function withNode(doc: TPlaybookDocument, index: number, patch: Record<string, unknown>): unknown {
  const nodes = doc.flow.nodes.map((n, i) => (i === index ? { ...n, ...patch } : n));
  return { ...doc, flow: { ...doc.flow, nodes } };
}

function capturing(
  field: 'name' | 'email' | 'phone' | 'company' | 'custom',
  saveTo: string,
  overrides = {},
): TPlaybookDocument {
  return makeDoc({
    nodes: [messageNode('hi'), captureNode('cap', field, saveTo, overrides), endNode('end')],
    links: [
      ['hi', 'next', 'cap'],
      ['cap', 'next', 'end'],
    ],
    variables: [{ key: 'custom_var', label: 'Custom', type: 'text' }],
  });
}

function chainOf(count: number): TPlaybookDocument {
  const nodes = Array.from({ length: count - 1 }, (_, i) => messageNode(`m${i}`));
  const triples = nodes.map((n, i): [string, string, string] => [n.id, 'next', nodes[i + 1]?.id ?? 'end']);
  return makeDoc({ nodes: [...nodes, endNode('end')], links: triples });
}

/** Two live chat cards, one inside the other's offline branch. */
function liveChatsOnOnePath(): TPlaybookDocument {
  return makeDoc({
    nodes: [messageNode('hi'), liveChatNode('lc1'), liveChatNode('lc2'), endNode('end')],
    links: [
      ['hi', 'next', 'lc1'],
      ['lc1', 'offline', 'lc2'],
      ['lc2', 'offline', 'end'],
    ],
  });
}

/** Two live chat cards on different pathways. */
function liveChatsOnTwoPaths(): TPlaybookDocument {
  return makeDoc({
    nodes: [
      buttonsNode('q', ['a', 'b']),
      liveChatNode('lc1'),
      liveChatNode('lc2'),
      endNode('end1'),
      endNode('end2'),
    ],
    links: [
      ['q', 'option:a', 'lc1'],
      ['q', 'option:b', 'lc2'],
      ['lc1', 'offline', 'end1'],
      ['lc2', 'offline', 'end2'],
    ],
  });
}

/** A question whose first option captures `captured` and whose second skips it, both joining at `join`. */
function diamond(
  captured: 'name' | null,
  join: ReturnType<typeof messageNode> | ReturnType<typeof endNode>,
): TPlaybookDocument {
  const other = captured === null ? messageNode('other') : captureNode('other', 'name', 'visitor_name');
  return makeDoc({
    nodes: [
      buttonsNode('q', ['a', 'b']),
      captureNode('cap', 'name', 'visitor_name'),
      other,
      join,
      endNode('end'),
    ],
    links: [
      ['q', 'option:a', 'cap'],
      ['q', 'option:b', 'other'],
      ['cap', 'next', join.id],
      ['other', 'next', join.id],
      ...(join.type === 'end' ? [] : ([[join.id, 'next', 'end']] as [string, string, string][])),
    ],
  });
}

type TCase = { failing: () => unknown; passing: () => unknown; severity?: 'error' | 'warning' };

/** One failing and one passing document per finding code; the Record type forces a case per code. */
const cases: Record<TPlaybookFindingCode, TCase> = {
  ...conditionCases,
  ...activityCases,
  ...httpRequestCases,
  DOCUMENT_TOO_LARGE: {
    failing: () => withNode(minimalDoc(), 0, { label: 'x'.repeat(80), padding: 'x'.repeat(300_000) }),
    passing: minimalDoc,
  },
  SCHEMA_INVALID: {
    failing: () => ({ ...minimalDoc(), schemaVersion: 2 }),
    passing: minimalDoc,
  },
  RICH_TEXT_NOT_ALLOWED: {
    failing: () =>
      withNode(minimalDoc(), 0, {
        content: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'click', marks: [{ type: 'link', href: 'javascript:alert(1)' }] },
              ],
            },
          ],
        },
      }),
    passing: () =>
      withNode(minimalDoc(), 0, {
        content: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'site', marks: [{ type: 'link', href: 'https://a.example' }] }],
            },
          ],
        },
      }),
  },
  DUPLICATE_ID: {
    failing: () =>
      makeDoc({ nodes: [messageNode('a'), messageNode('a'), endNode('end')], links: [['a', 'next', 'end']] }),
    passing: minimalDoc,
  },
  TOO_MANY_NODES: { failing: () => chainOf(201), passing: () => chainOf(200) },
  TEXT_TOO_LONG: {
    failing: () => withNode(minimalDoc(), 0, { content: richText('x'.repeat(1001)) }),
    passing: () => withNode(minimalDoc(), 0, { content: richText('x'.repeat(1000)) }),
  },
  OPTION_LABEL_DUPLICATE: {
    failing: () => {
      const doc = makeDoc({
        nodes: [buttonsNode('q', ['a', 'b']), endNode('end')],
        links: [
          ['q', 'option:a', 'end'],
          ['q', 'option:b', 'end'],
        ],
      });
      return withNode(doc, 0, {
        answer: {
          kind: 'buttons',
          options: [
            { id: 'a', label: 'Yes' },
            { id: 'b', label: ' yes ' },
          ],
        },
      });
    },
    passing: () =>
      makeDoc({
        nodes: [buttonsNode('q', ['a', 'b']), endNode('end')],
        links: [
          ['q', 'option:a', 'end'],
          ['q', 'option:b', 'end'],
        ],
      }),
  },
  START_NODE_MISSING: {
    failing: () =>
      makeDoc({ nodes: [messageNode('a'), endNode('end')], links: [['a', 'next', 'end']], start: 'nope' }),
    passing: minimalDoc,
  },
  START_NODE_INVALID: {
    failing: () => makeDoc({ nodes: [endNode('end')], links: [] }),
    passing: minimalDoc,
  },
  EDGE_UNKNOWN_NODE: {
    failing: () => makeDoc({ nodes: [messageNode('a'), endNode('end')], links: [['a', 'next', 'ghost']] }),
    passing: minimalDoc,
  },
  EDGE_UNKNOWN_PORT: {
    failing: () =>
      makeDoc({
        nodes: [messageNode('a'), endNode('end')],
        links: [
          ['a', 'next', 'end'],
          ['a', 'option:x', 'end'],
        ],
      }),
    passing: minimalDoc,
  },
  END_HAS_EDGES: {
    failing: () =>
      makeDoc({
        nodes: [messageNode('a'), endNode('end')],
        links: [
          ['a', 'next', 'end'],
          ['end', 'next', 'a'],
        ],
      }),
    passing: minimalDoc,
  },
  PORT_MULTIPLE_EDGES: {
    failing: () =>
      makeDoc({
        nodes: [messageNode('a'), endNode('end'), endNode('end2')],
        links: [
          ['a', 'next', 'end'],
          ['a', 'next', 'end2'],
        ],
      }),
    passing: minimalDoc,
  },
  PORT_UNCONNECTED: {
    failing: () => makeDoc({ nodes: [messageNode('a'), endNode('end')], links: [] }),
    passing: minimalDoc,
  },
  NODE_UNREACHABLE: {
    failing: () =>
      makeDoc({
        nodes: [messageNode('a'), messageNode('lost'), endNode('end')],
        links: [
          ['a', 'next', 'end'],
          ['lost', 'next', 'end'],
        ],
      }),
    passing: minimalDoc,
  },
  CYCLE_DETECTED: {
    failing: () =>
      makeDoc({
        nodes: [buttonsNode('q', ['again', 'done']), messageNode('m'), endNode('end')],
        links: [
          ['q', 'option:again', 'm'],
          ['m', 'next', 'q'],
          ['q', 'option:done', 'end'],
        ],
      }),
    passing: minimalDoc,
  },
  BRANCH_NEVER_ENDS: {
    failing: () =>
      makeDoc({
        nodes: [buttonsNode('q', ['a', 'b']), messageNode('dead'), endNode('end')],
        links: [
          ['q', 'option:a', 'dead'],
          ['q', 'option:b', 'end'],
        ],
      }),
    passing: minimalDoc,
  },
  LIVECHAT_MULTIPLE_IN_PATH: { failing: liveChatsOnOnePath, passing: liveChatsOnTwoPaths },
  LIVECHAT_WAIT_OUT_OF_RANGE: {
    failing: () => withNode(liveChatsOnTwoPaths(), 1, { waitSeconds: 601 }),
    passing: () =>
      withNode(withNode(liveChatsOnTwoPaths(), 1, { waitSeconds: 600 }) as TPlaybookDocument, 2, {
        waitSeconds: 15,
      }),
  },
  LIVECHAT_MESSAGE_EMPTY: {
    failing: () =>
      withNode(liveChatsOnTwoPaths(), 1, {
        offlineMessage: { type: 'doc', content: [{ type: 'paragraph' }] },
      }),
    passing: () =>
      withNode(liveChatsOnTwoPaths(), 1, {
        offlineMessage: {
          type: 'doc',
          content: [{ type: 'image', src: 'https://cdn.example/away.png', alt: 'Away' }],
        },
      }),
  },
  LIVECHAT_OFFLINE_UNCONNECTED: {
    failing: () => makeDoc({ nodes: [messageNode('hi'), liveChatNode('lc')], links: [['hi', 'next', 'lc']] }),
    passing: liveChatsOnTwoPaths,
  },
  CAPTURE_VARIABLE_TYPE: {
    failing: () => capturing('email', 'visitor_name'),
    passing: () => capturing('email', 'visitor_email'),
  },
  CAPTURE_VALIDATION_KIND: {
    failing: () => capturing('email', 'visitor_email', { validation: { kind: 'none' } }),
    passing: () => capturing('email', 'visitor_email'),
  },
  REGEX_INVALID: {
    failing: () =>
      capturing('custom', 'custom_var', {
        validation: { kind: 'regex', pattern: '(a+)+$', errorMessage: 'No', maxAttempts: 2 },
      }),
    passing: () =>
      capturing('custom', 'custom_var', {
        validation: { kind: 'regex', pattern: '[0-9]{5}', errorMessage: 'No', maxAttempts: 2 },
      }),
  },
  VARIABLE_UNDECLARED: {
    failing: () => withNode(minimalDoc(), 0, { content: richText('Hello {{nickname}}') }),
    passing: () =>
      makeDoc({
        nodes: [
          freeTextNode('ask', 'nickname'),
          messageNode('hi', { content: richText('Hello {{nickname}} from {{page_url}}') }),
          endNode('end'),
        ],
        links: [
          ['ask', 'next', 'hi'],
          ['hi', 'next', 'end'],
        ],
        variables: [{ key: 'nickname', label: 'Nickname', type: 'text' }],
      }),
  },
  VARIABLE_MAYBE_UNSET: {
    failing: () => diamond(null, messageNode('join', { content: richText('Hi {{visitor_name}}') })),
    passing: () => diamond('name', messageNode('join', { content: richText('Hi {{visitor_name}}') })),
    severity: 'warning',
  },
  OUTCOME_NO_IDENTITY: {
    failing: () =>
      makeDoc({ nodes: [messageNode('hi'), leadEndNode('end')], links: [['hi', 'next', 'end']] }),
    passing: () =>
      makeDoc({
        nodes: [messageNode('hi'), captureNode('email', 'email', 'visitor_email'), leadEndNode('end')],
        links: [
          ['hi', 'next', 'email'],
          ['email', 'next', 'end'],
        ],
      }),
  },
};

describe('validatePlaybook', () => {
  it('has a failing and a passing case for every finding code', () => {
    expect(Object.keys(cases).sort()).toEqual([...PLAYBOOK_FINDING_CODES].sort());
  });

  describe.each(PLAYBOOK_FINDING_CODES)('%s', (code) => {
    const c = cases[code];
    it('is reported when the rule is broken', () => {
      const found = findingsOf(c.failing(), code);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]?.severity).toBe(c.severity ?? 'error');
    });
    it('is not reported and the document is valid when the rule holds', () => {
      const result = validatePlaybook(c.passing());
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
    });
  });

  it('accepts the minimal playbook and returns the parsed document', () => {
    const result = validatePlaybook(minimalDoc());
    expect(result).toEqual({ ok: true, document: minimalDoc(), findings: [] });
  });

  it('returns the same findings in the same order on every run', () => {
    const doc = makeDoc({
      nodes: [
        buttonsNode('q', ['a', 'b']),
        messageNode('m'),
        liveChatNode('lc', { waitSeconds: 5 }),
        endNode('end'),
      ],
      links: [
        ['q', 'option:a', 'm'],
        ['m', 'next', 'q'],
        ['lc', 'offline', 'nowhere'],
      ],
    });
    const first = validatePlaybook(doc).findings;
    expect(first.length).toBeGreaterThan(3);
    expect(validatePlaybook(structuredClone(doc)).findings).toEqual(first);
  });

  it('lists errors before warnings', () => {
    const doc = diamond(null, messageNode('join', { content: richText('Hi {{visitor_name}}') }));
    doc.flow.nodes.push(messageNode('lost'));
    const severities = validatePlaybook(doc).findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
    expect(severities).toContain('warning');
  });

  describe('schema', () => {
    it('reports zod paths and names the node of an unknown card type', () => {
      const doc = withNode(minimalDoc(), 0, { type: 'meeting' });
      const [finding] = findingsOf(doc, 'SCHEMA_INVALID');
      expect(finding).toMatchObject({
        code: 'SCHEMA_INVALID',
        nodeId: 'hello',
        path: ['flow', 'nodes', '0', 'type'],
      });
    });

    it('rejects unknown fields because objects are strict', () => {
      const found = findingsOf({ ...minimalDoc(), status: 'active' }, 'SCHEMA_INVALID');
      expect(found).toHaveLength(1);
    });

    it('rejects a colour that is not #RRGGBB', () => {
      const doc = minimalDoc();
      const bad = {
        ...doc,
        appearance: { ...doc.appearance, colors: { ...doc.appearance.colors, primary: 'red' } },
      };
      expect(findingsOf(bad, 'SCHEMA_INVALID')[0]?.path).toEqual(['appearance', 'colors', 'primary']);
    });

    it('rejects a non-https avatar', () => {
      const doc = minimalDoc();
      const bad = { ...doc, appearance: { ...doc.appearance, avatarUrl: 'http://example.com/a.png' } };
      expect(validatePlaybook(bad).ok).toBe(false);
    });

    it('names the edge of an invalid edge', () => {
      const doc = minimalDoc();
      const bad = {
        ...doc,
        flow: { ...doc.flow, edges: [{ id: 'e1', from: { nodeId: 'hello' }, to: { nodeId: 'end' } }] },
      };
      expect(findingsOf(bad, 'SCHEMA_INVALID')[0]).toMatchObject({ edgeId: 'e1' });
    });

    it('reports an input that is not JSON', () => {
      expect(findingsOf({ n: 1n }, 'SCHEMA_INVALID')).toHaveLength(1);
    });
  });

  describe('RICH_TEXT_NOT_ALLOWED', () => {
    it('names the node whose text holds raw html', () => {
      const doc = withNode(minimalDoc(), 0, {
        content: { type: 'doc', content: [{ type: 'html', html: '<b>x</b>' }] },
      });
      expect(findingsOf(doc, 'RICH_TEXT_NOT_ALLOWED')[0]).toMatchObject({ nodeId: 'hello' });
    });

    it('rejects images outside the allowed hosts when hosts are given', () => {
      const doc = withNode(minimalDoc(), 0, {
        content: { type: 'doc', content: [{ type: 'image', src: 'https://evil.example/x.png', alt: '' }] },
      });
      const result = validatePlaybook(doc, { imageHosts: ['assets.charla.test'] });
      expect(result.findings).toMatchObject([{ code: 'RICH_TEXT_NOT_ALLOWED', nodeId: 'hello' }]);
      expect(validatePlaybook(doc).ok).toBe(true);
    });
  });

  describe('DUPLICATE_ID', () => {
    it('reports duplicate edge ids, option ids, variable keys and system keys', () => {
      const doc = makeDoc({
        nodes: [buttonsNode('q', ['a', 'a']), endNode('end')],
        links: [['q', 'option:a', 'end']],
        variables: [
          { key: 'team', label: 'Team', type: 'text' },
          { key: 'team', label: 'Team again', type: 'text' },
          { key: 'visitor_email', label: 'Email', type: 'email' },
        ],
      });
      doc.flow.edges.push({ id: 'e1', from: { nodeId: 'q', port: 'option:a' }, to: { nodeId: 'end' } });
      const found = findingsOf(doc, 'DUPLICATE_ID');
      expect(found.map((f) => f.path?.join('.'))).toEqual([
        'flow.nodes.0.answer.options.1.id',
        'flow.edges.1.id',
        'variables.1.key',
        'variables.2.key',
      ]);
    });
  });

  describe('graph shape', () => {
    it('reports a live chat start as invalid', () => {
      const doc = makeDoc({ nodes: [liveChatNode('lc'), endNode('end')], links: [['lc', 'offline', 'end']] });
      expect(findingsOf(doc, 'START_NODE_INVALID')[0]).toMatchObject({ nodeId: 'lc' });
    });

    it('reports the edge and the port of a second edge on one port', () => {
      const doc = cases.PORT_MULTIPLE_EDGES.failing();
      expect(findingsOf(doc, 'PORT_MULTIPLE_EDGES')).toMatchObject([
        { nodeId: 'a', edgeId: 'e2', port: 'next' },
      ]);
    });

    it('reports each unconnected button option', () => {
      const doc = makeDoc({
        nodes: [buttonsNode('q', ['a', 'b', 'c']), endNode('end')],
        links: [['q', 'option:b', 'end']],
      });
      expect(findingsOf(doc, 'PORT_UNCONNECTED').map((f) => f.port)).toEqual(['option:a', 'option:c']);
    });

    it('does not require the optional skipped and invalid ports of a capture', () => {
      const doc = capturing('phone', 'visitor_phone', { required: false });
      expect(validatePlaybook(doc).findings).toEqual([]);
    });

    it('reports the cycle path and the edge that closes it', () => {
      const [finding] = findingsOf(cases.CYCLE_DETECTED.failing(), 'CYCLE_DETECTED');
      expect(finding).toMatchObject({ nodeId: 'q', edgeId: 'e2', path: ['q', 'm', 'q'] });
    });

    it('reports a self-loop as a cycle', () => {
      const doc = makeDoc({
        nodes: [buttonsNode('q', ['again', 'done']), endNode('end')],
        links: [
          ['q', 'option:again', 'q'],
          ['q', 'option:done', 'end'],
        ],
      });
      expect(findingsOf(doc, 'CYCLE_DETECTED')[0]?.path).toEqual(['q', 'q']);
    });

    it('reports every reachable card from which some branch never ends', () => {
      const found = findingsOf(cases.BRANCH_NEVER_ENDS.failing(), 'BRANCH_NEVER_ENDS');
      expect(found.map((f) => f.nodeId)).toEqual(['q', 'dead']);
    });

    it('reports a live chat whose offline branch never ends', () => {
      const doc = makeDoc({
        nodes: [messageNode('hi'), liveChatNode('lc'), messageNode('dead')],
        links: [
          ['hi', 'next', 'lc'],
          ['lc', 'offline', 'dead'],
        ],
      });
      expect(findingsOf(doc, 'BRANCH_NEVER_ENDS').map((f) => f.nodeId)).toEqual(['hi', 'lc', 'dead']);
    });
  });

  describe('live chat', () => {
    it('rejects two live chat cards on one path and shows the path', () => {
      const found = findingsOf(liveChatsOnOnePath(), 'LIVECHAT_MULTIPLE_IN_PATH');
      expect(found).toMatchObject([{ nodeId: 'lc2', path: ['hi', 'lc1', 'lc2'], severity: 'error' }]);
    });

    it('accepts two live chat cards on different paths', () => {
      expect(validatePlaybook(liveChatsOnTwoPaths())).toMatchObject({ ok: true, findings: [] });
    });

    it('rejects a second live chat reached from the offline branch through other cards', () => {
      const doc = makeDoc({
        nodes: [
          buttonsNode('q', ['talk', 'later']),
          liveChatNode('lc1'),
          captureNode('email', 'email', 'visitor_email'),
          liveChatNode('lc2'),
          endNode('end'),
        ],
        links: [
          ['q', 'option:talk', 'lc1'],
          ['q', 'option:later', 'email'],
          ['lc1', 'offline', 'email'],
          ['email', 'next', 'lc2'],
          ['lc2', 'offline', 'end'],
        ],
      });
      expect(findingsOf(doc, 'LIVECHAT_MULTIPLE_IN_PATH')).toMatchObject([
        { nodeId: 'lc2', path: ['q', 'lc1', 'email', 'lc2'] },
      ]);
    });

    it('rejects a waiting time below 15 seconds', () => {
      expect(
        findingsOf(withNode(liveChatsOnTwoPaths(), 1, { waitSeconds: 14 }), 'LIVECHAT_WAIT_OUT_OF_RANGE'),
      ).toMatchObject([{ nodeId: 'lc1', path: ['flow', 'nodes', '1', 'waitSeconds'] }]);
    });

    it('treats a whitespace-only message as empty', () => {
      const doc = withNode(liveChatsOnTwoPaths(), 2, { onlineMessage: richText('   ') });
      expect(findingsOf(doc, 'LIVECHAT_MESSAGE_EMPTY')).toMatchObject([
        { nodeId: 'lc2', path: ['flow', 'nodes', '2', 'onlineMessage'] },
      ]);
    });

    it('reports an unconnected offline port once, not also as PORT_UNCONNECTED', () => {
      const doc = cases.LIVECHAT_OFFLINE_UNCONNECTED.failing();
      expect(findingsOf(doc, 'LIVECHAT_OFFLINE_UNCONNECTED')).toMatchObject([
        { nodeId: 'lc', port: 'offline' },
      ]);
      expect(findingsOf(doc, 'PORT_UNCONNECTED')).toEqual([]);
    });
  });

  describe('captures', () => {
    it('rejects writing a page-context variable', () => {
      expect(findingsOf(capturing('custom', 'page_url'), 'CAPTURE_VARIABLE_TYPE')).toHaveLength(1);
    });

    it('rejects a question that saves to an email variable', () => {
      const doc = makeDoc({
        nodes: [freeTextNode('q', 'visitor_email'), endNode('end')],
        links: [['q', 'next', 'end']],
      });
      expect(findingsOf(doc, 'CAPTURE_VARIABLE_TYPE')).toMatchObject([{ nodeId: 'q' }]);
    });

    it('rejects phone validation on a name capture', () => {
      const doc = capturing('name', 'visitor_name', {
        validation: { kind: 'phone', errorMessage: 'x', maxAttempts: 1 },
      });
      expect(findingsOf(doc, 'CAPTURE_VALIDATION_KIND')).toHaveLength(1);
    });

    it('rejects a custom capture into an email variable without email validation', () => {
      const doc = capturing('custom', 'visitor_email');
      expect(findingsOf(doc, 'CAPTURE_VALIDATION_KIND')).toHaveLength(1);
    });

    it.each([
      ['a syntax error', '([a-z'],
      ['a pattern over 500 characters', 'a'.repeat(501)],
      ['a nested quantifier', '(\\w+\\s?)*'],
    ])('rejects %s', (_name, pattern) => {
      const doc = capturing('custom', 'custom_var', {
        validation: { kind: 'regex', pattern, errorMessage: 'x', maxAttempts: 1 },
      });
      expect(findingsOf(doc, 'REGEX_INVALID')).toMatchObject([
        { nodeId: 'cap', path: ['flow', 'nodes', '1', 'validation', 'pattern'] },
      ]);
    });

    it('reports a saveTo that is not declared', () => {
      expect(findingsOf(capturing('custom', 'nope'), 'VARIABLE_UNDECLARED')).toMatchObject([
        { nodeId: 'cap', path: ['flow', 'nodes', '1', 'saveTo'] },
      ]);
    });
  });

  describe('variables', () => {
    it('reports undeclared variables in CRM templates and the greeting', () => {
      const doc = makeDoc({
        nodes: [
          messageNode('hi'),
          captureNode('email', 'email', 'visitor_email'),
          endNode('end', {
            outcome: 'qualified',
            crm: {
              person: { mode: 'upsert_by_email_or_phone' },
              organization: { mode: 'none' },
              record: { kind: 'deal', titleTemplate: 'Deal {{deal_name}}' },
              owner: { strategy: 'unassigned' },
              saveTranscript: false,
            },
          }),
        ],
        links: [
          ['hi', 'next', 'email'],
          ['email', 'next', 'end'],
        ],
      });
      doc.targeting.greeting.text = richText('Hey {{who}}');
      expect(findingsOf(doc, 'VARIABLE_UNDECLARED').map((f) => f.path?.join('.'))).toEqual([
        'targeting.greeting.text',
        'flow.nodes.2.crm.record.titleTemplate',
      ]);
    });

    it('warns when the capture prompt reads the variable it is about to set', () => {
      const doc = capturing('name', 'visitor_name', { prompt: richText('Is {{visitor_name}} right?') });
      expect(findingsOf(doc, 'VARIABLE_MAYBE_UNSET')).toMatchObject([{ nodeId: 'cap', severity: 'warning' }]);
    });

    it('treats page context variables as always set', () => {
      const doc = withNode(minimalDoc(), 0, {
        content: richText('You are on {{page_url}} from {{referrer}} ({{locale}})'),
      });
      expect(validatePlaybook(doc).findings).toEqual([]);
    });

    it('does not count a skipped optional capture as setting its variable', () => {
      const doc = makeDoc({
        nodes: [
          messageNode('hi'),
          captureNode('phone', 'phone', 'visitor_phone', { required: false }),
          messageNode('bye', { content: richText('We will call {{visitor_phone}}') }),
          endNode('end'),
        ],
        links: [
          ['hi', 'next', 'phone'],
          ['phone', 'next', 'bye'],
          ['phone', 'skipped', 'bye'],
          ['bye', 'next', 'end'],
        ],
      });
      expect(findingsOf(doc, 'VARIABLE_MAYBE_UNSET')).toMatchObject([{ nodeId: 'bye' }]);
    });
  });

  describe('OUTCOME_NO_IDENTITY', () => {
    it('warns when only some paths capture an identity', () => {
      const doc = diamond(null, leadEndNode('join'));
      expect(findingsOf(doc, 'OUTCOME_NO_IDENTITY')).toMatchObject([{ nodeId: 'join', severity: 'warning' }]);
    });

    it('accepts different identities on different paths', () => {
      const doc = makeDoc({
        nodes: [
          buttonsNode('q', ['a', 'b']),
          captureNode('email', 'email', 'visitor_email'),
          captureNode('phone', 'phone', 'visitor_phone'),
          leadEndNode('end'),
        ],
        links: [
          ['q', 'option:a', 'email'],
          ['q', 'option:b', 'phone'],
          ['email', 'next', 'end'],
          ['phone', 'next', 'end'],
        ],
      });
      expect(findingsOf(doc, 'OUTCOME_NO_IDENTITY')).toEqual([]);
    });

    it('ignores ends that create nothing', () => {
      expect(findingsOf(minimalDoc(), 'OUTCOME_NO_IDENTITY')).toEqual([]);
    });
  });
});
