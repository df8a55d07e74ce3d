// Test factories for playbook documents (test helper; not exported from the package).
import type { TRichText } from '../rich-text/rich-text.schema';
import type {
  TCaptureNode,
  TPlaybookCrmActions,
  TEndNode,
  TLiveChatNode,
  TMessageNode,
  TPlaybookDocument,
  TPlaybookEdge,
  TPlaybookNode,
  TQuestionNode,
  TVariableDef,
} from './playbook.schema';
import type { TFinding, TPlaybookFindingCode } from './playbook-findings';
import { validatePlaybook } from './validate-playbook';

export const USER_ID = '01920000-0000-7000-8000-000000000001';

/** One paragraph of plain text. */
export function richText(text: string): TRichText {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export function messageNode(id: string, overrides: Partial<TMessageNode> = {}): TMessageNode {
  return { id, type: 'message', content: richText(`Message ${id}`), ...overrides };
}

export function buttonsNode(id: string, optionIds: string[], saveTo?: string): TQuestionNode {
  return {
    id,
    type: 'question',
    content: richText(`Question ${id}`),
    answer: {
      kind: 'buttons',
      options: optionIds.map((o) => ({ id: o, label: `Option ${o}` })),
      ...(saveTo !== undefined && { saveTo }),
    },
  };
}

export function freeTextNode(id: string, saveTo: string): TQuestionNode {
  return { id, type: 'question', content: richText(`Question ${id}`), answer: { kind: 'free_text', saveTo } };
}

export function captureNode(
  id: string,
  field: TCaptureNode['field'],
  saveTo: string,
  overrides: Partial<TCaptureNode> = {},
): TCaptureNode {
  const validation: TCaptureNode['validation'] =
    field === 'email'
      ? { kind: 'email', errorMessage: 'Bad email', maxAttempts: 2 }
      : field === 'phone'
        ? { kind: 'phone', errorMessage: 'Bad phone', maxAttempts: 2 }
        : { kind: 'none' };
  return {
    id,
    type: 'capture',
    field,
    saveTo,
    prompt: richText(`Your ${field}?`),
    required: true,
    validation,
    ...overrides,
  };
}

export function liveChatNode(id: string, overrides: Partial<TLiveChatNode> = {}): TLiveChatNode {
  return {
    id,
    type: 'live_chat',
    onlineMessage: richText('Connecting you'),
    waitSeconds: 60,
    offlineMessage: richText('Nobody is here'),
    ...overrides,
  };
}

export const NO_CRM: TPlaybookCrmActions = {
  person: { mode: 'none' },
  organization: { mode: 'none' },
  record: { kind: 'none' },
  owner: { strategy: 'unassigned' },
  saveTranscript: false,
};

export const LEAD_CRM: TPlaybookCrmActions = {
  person: { mode: 'upsert_by_email_or_phone' },
  organization: { mode: 'none' },
  record: { kind: 'lead', titleTemplate: 'Lead {{visitor_email}}' },
  owner: { strategy: 'fixed', userId: USER_ID },
  saveTranscript: true,
};

export function endNode(id: string, overrides: Partial<TEndNode> = {}): TEndNode {
  return { id, type: 'end', outcome: 'neutral', crm: NO_CRM, ...overrides };
}

export function leadEndNode(id: string): TEndNode {
  return endNode(id, { outcome: 'qualified', crm: LEAD_CRM });
}

export type TLink = [from: string, port: string, to: string];

/** Edges e1, e2, … from `[from, port, to]` triples. */
export function links(...triples: TLink[]): TPlaybookEdge[] {
  return triples.map(([from, port, to], i) => ({
    id: `e${i + 1}`,
    from: { nodeId: from, port },
    to: { nodeId: to },
  }));
}

type TDocParts = {
  nodes: TPlaybookNode[];
  links: TLink[];
  start?: string;
  variables?: TVariableDef[];
};

/** A valid-looking document around the given flow; start defaults to the first node. */
export function makeDoc(parts: TDocParts): TPlaybookDocument {
  return {
    schemaVersion: 1,
    appearance: {
      botName: 'Bot',
      avatarUrl: null,
      colors: {
        primary: '#112233',
        primaryText: '#FFFFFF',
        background: '#FFFFFF',
        botBubble: '#EEEEEE',
        visitorBubble: '#112233',
      },
      language: 'en',
      position: 'bottom-right',
    },
    targeting: { greeting: { proactive: false, delaySeconds: 0 } },
    variables: parts.variables ?? [],
    flow: {
      startNodeId: parts.start ?? parts.nodes[0]?.id ?? 'start',
      nodes: parts.nodes,
      edges: links(...parts.links),
    },
  };
}

/** The smallest valid playbook: a message and a neutral end. */
export function minimalDoc(): TPlaybookDocument {
  return makeDoc({ nodes: [messageNode('hello'), endNode('end')], links: [['hello', 'next', 'end']] });
}

/** Findings with `code` after validating `doc`. */
export function findingsOf(doc: unknown, code: TPlaybookFindingCode): TFinding[] {
  return validatePlaybook(doc).findings.filter((f) => f.code === code);
}
