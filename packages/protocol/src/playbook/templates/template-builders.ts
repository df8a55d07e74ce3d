import type { TLanguage } from '../../common';
import type { TRichText } from '../../rich-text/rich-text.schema';
import type {
  TCaptureNode,
  TPlaybookCrmActions,
  TPlaybookDocument,
  TPlaybookEdge,
  TPlaybookNode,
  TVariableDef,
} from '../playbook.schema';

// Private builders for the templates: small enough to read a template as its flow.

/** A rich-text document with one paragraph per line. */
export function paragraphs(...lines: string[]): TRichText {
  return {
    type: 'doc',
    content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** CRM actions that create nothing. */
export const NO_CRM: TPlaybookCrmActions = {
  person: { mode: 'none' },
  organization: { mode: 'none' },
  record: { kind: 'none' },
  owner: { strategy: 'unassigned' },
  saveTranscript: false,
};

/** A chain of edges `[from, port, to]` with ids e1, e2, … */
export function edges(...links: [from: string, port: string, to: string][]): TPlaybookEdge[] {
  return links.map(([from, port, to], i) => ({
    id: `e${i + 1}`,
    from: { nodeId: from, port },
    to: { nodeId: to },
  }));
}

/**
 * Places nodes on a grid: `[lane, step]` per node id. The flow editor runs left to right, so
 * steps are columns and lanes are rows.
 */
export function layout(nodes: TPlaybookNode[], positions: Record<string, [number, number]>): TPlaybookNode[] {
  return nodes.map((node) => {
    const at = positions[node.id];
    return at ? { ...node, ui: { x: at[1] * 380, y: at[0] * 220 } } : node;
  });
}

type TCaptureTexts = { prompt: string; placeholder: string; error: string };

/** A required text capture with a length check. */
export function textCapture(
  id: string,
  field: 'name' | 'company',
  saveTo: string,
  t: TCaptureTexts,
): TCaptureNode {
  return {
    id,
    type: 'capture',
    field,
    saveTo,
    prompt: paragraphs(t.prompt),
    placeholder: t.placeholder,
    required: true,
    validation: { kind: 'length', min: 1, max: 120, errorMessage: t.error, maxAttempts: 3 },
  };
}

/** A required email capture into `visitor_email`. */
export function emailCapture(id: string, t: TCaptureTexts): TCaptureNode {
  return {
    id,
    type: 'capture',
    field: 'email',
    saveTo: 'visitor_email',
    prompt: paragraphs(t.prompt),
    placeholder: t.placeholder,
    required: true,
    validation: { kind: 'email', errorMessage: t.error, maxAttempts: 3 },
  };
}

/** An optional phone capture into `visitor_phone`. */
export function phoneCapture(id: string, t: TCaptureTexts): TCaptureNode {
  return {
    id,
    type: 'capture',
    field: 'phone',
    saveTo: 'visitor_phone',
    prompt: paragraphs(t.prompt),
    placeholder: t.placeholder,
    required: false,
    validation: { kind: 'phone', errorMessage: t.error, maxAttempts: 3 },
  };
}

type TDocumentParts = {
  language: TLanguage;
  botName: string;
  greeting?: { proactive: boolean; text?: string };
  variables?: TVariableDef[];
  startNodeId: string;
  nodes: TPlaybookNode[];
  edges: TPlaybookEdge[];
};

/** A complete document with the default appearance. */
export function playbookDocument(parts: TDocumentParts): TPlaybookDocument {
  return {
    schemaVersion: 1,
    appearance: {
      botName: parts.botName,
      avatarUrl: null,
      colors: {
        primary: '#1A73E8',
        primaryText: '#FFFFFF',
        background: '#FFFFFF',
        botBubble: '#F1F3F4',
        visitorBubble: '#1A73E8',
      },
      language: parts.language,
      position: 'bottom-right',
    },
    targeting: {
      greeting: {
        proactive: parts.greeting?.proactive ?? false,
        delaySeconds: 5,
        ...(parts.greeting?.text !== undefined && { text: paragraphs(parts.greeting.text) }),
      },
    },
    variables: parts.variables ?? [],
    flow: { startNodeId: parts.startNodeId, nodes: parts.nodes, edges: parts.edges },
  };
}
