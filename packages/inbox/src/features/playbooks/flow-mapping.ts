import type { Edge, Node } from '@xyflow/react';
import {
  withPseudoLocales,
  portsOf,
  HTTP_REQUEST_TIMEOUT_SECONDS,
  WAIT_CARD_SECONDS,
  type TFinding,
  type TLanguage,
  type TPlaybookDocument,
  type TPlaybookEdge,
  type TPlaybookNode,
  type TPlaybookNodeType,
  type TPortSpec,
  type TRichText,
} from '@charla/protocol';

// The playbook document is the one source of truth; the canvas is a projection of it. Every
// canvas gesture (connect, move, delete) goes through one of these pure functions and yields
// the next document, so what the editor shows is always what Save sends.

export type CardData = {
  node: TPlaybookNode;
  ports: TPortSpec[];
  findings: TFinding[];
  isStart: boolean;
};
export type CardNode = Node<CardData, 'card'>;

const COLUMN = 380;

/** Findings per card: node findings, plus edge findings counted on the edge's source card. */
export function findingsByNode(
  doc: TPlaybookDocument,
  findings: readonly TFinding[],
): Map<string, TFinding[]> {
  const byNode = new Map<string, TFinding[]>();
  const edgeSource = new Map(doc.flow.edges.map((e) => [e.id, e.from.nodeId]));
  for (const finding of findings) {
    const nodeId = finding.nodeId ?? (finding.edgeId ? edgeSource.get(finding.edgeId) : undefined);
    if (!nodeId) continue;
    const list = byNode.get(nodeId) ?? [];
    list.push(finding);
    byNode.set(nodeId, list);
  }
  return byNode;
}

/** Findings that belong to no card (document-level), shown above the canvas. */
export function documentFindings(doc: TPlaybookDocument, findings: readonly TFinding[]): TFinding[] {
  const edgeIds = new Set(doc.flow.edges.map((e) => e.id));
  return findings.filter((f) => !f.nodeId && !(f.edgeId && edgeIds.has(f.edgeId)));
}

/** Where a card without layout goes until the automatic layout places it: a row in document order. */
function fallbackPosition(index: number): { x: number; y: number } {
  return { x: index * COLUMN, y: 0 };
}

/** The cards as xyflow nodes; handles are the node's ports (portsOf), ids are port names. */
export function toFlowNodes(
  doc: TPlaybookDocument,
  findings: readonly TFinding[],
  selectedId: string | null = null,
): CardNode[] {
  const byNode = findingsByNode(doc, findings);
  return doc.flow.nodes.map((node, index) => ({
    id: node.id,
    type: 'card',
    position: node.ui ? { x: node.ui.x, y: node.ui.y } : fallbackPosition(index),
    selected: node.id === selectedId,
    data: {
      node,
      ports: portsOf(node),
      findings: byNode.get(node.id) ?? [],
      isStart: node.id === doc.flow.startNodeId,
    },
  }));
}

/** The connections as xyflow edges, from a card's port handle to the next card. */
export function toFlowEdges(doc: TPlaybookDocument, findings: readonly TFinding[] = []): Edge[] {
  const bad = new Set(findings.filter((f) => f.edgeId && f.severity === 'error').map((f) => f.edgeId));
  return doc.flow.edges.map((edge) => ({
    id: edge.id,
    source: edge.from.nodeId,
    sourceHandle: edge.from.port,
    target: edge.to.nodeId,
    targetHandle: 'in',
    type: 'routed',
    className: bad.has(edge.id) ? 'pb-edge--error' : undefined,
  }));
}

function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}_${n}`;
    if (!taken.has(id)) return id;
  }
}

export type Connection = { source: string; sourceHandle: string | null; target: string };

/**
 * Connects a card's port to a card. A port holds one connection, so a new one replaces the old.
 * Unknown cards or ports and connections to the same card leave the document as it is.
 */
export function connectPort(doc: TPlaybookDocument, connection: Connection): TPlaybookDocument {
  const { source, sourceHandle, target } = connection;
  if (source === target || !sourceHandle) return doc;
  const from = doc.flow.nodes.find((n) => n.id === source);
  if (!from || !doc.flow.nodes.some((n) => n.id === target)) return doc;
  if (!portsOf(from).some((p) => p.name === sourceHandle)) return doc;
  const kept = doc.flow.edges.filter((e) => !(e.from.nodeId === source && e.from.port === sourceHandle));
  const id = uniqueId('e', new Set(doc.flow.edges.map((e) => e.id)));
  const edge: TPlaybookEdge = { id, from: { nodeId: source, port: sourceHandle }, to: { nodeId: target } };
  return { ...doc, flow: { ...doc.flow, edges: [...kept, edge] } };
}

export function removeEdges(doc: TPlaybookDocument, edgeIds: readonly string[]): TPlaybookDocument {
  if (edgeIds.length === 0) return doc;
  const drop = new Set(edgeIds);
  return { ...doc, flow: { ...doc.flow, edges: doc.flow.edges.filter((e) => !drop.has(e.id)) } };
}

/** Deletes a card with every connection to and from it. */
export function removeNode(doc: TPlaybookDocument, nodeId: string): TPlaybookDocument {
  return {
    ...doc,
    flow: {
      ...doc.flow,
      nodes: doc.flow.nodes.filter((n) => n.id !== nodeId),
      edges: doc.flow.edges.filter((e) => e.from.nodeId !== nodeId && e.to.nodeId !== nodeId),
    },
  };
}

/** Stores a card's position (layout only; rounded so saves stay small and stable). */
export function moveNode(doc: TPlaybookDocument, nodeId: string, x: number, y: number): TPlaybookDocument {
  return {
    ...doc,
    flow: {
      ...doc.flow,
      nodes: doc.flow.nodes.map((n) =>
        n.id === nodeId ? { ...n, ui: { ...n.ui, x: Math.round(x), y: Math.round(y) } } : n,
      ),
    },
  };
}

/**
 * Replaces a card after editing it, dropping connections of ports it no longer has (a removed
 * button answer, a capture made required).
 */
export function replaceNode(doc: TPlaybookDocument, node: TPlaybookNode): TPlaybookDocument {
  const ports = new Set(portsOf(node).map((p) => p.name));
  return {
    ...doc,
    flow: {
      ...doc.flow,
      nodes: doc.flow.nodes.map((n) => (n.id === node.id ? node : n)),
      edges: doc.flow.edges.filter((e) => e.from.nodeId !== node.id || ports.has(e.from.port)),
    },
  };
}

export function setStartNode(doc: TPlaybookDocument, nodeId: string): TPlaybookDocument {
  return { ...doc, flow: { ...doc.flow, startNodeId: nodeId } };
}

function text(value: string): TRichText {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] };
}

const DEFAULT_TEXTS: Record<TLanguage, Record<string, string>> = withPseudoLocales({
  en: {
    message: 'Write your message here.',
    question: 'What would you like to do?',
    yes: 'Yes',
    no: 'No',
    capture: 'What’s your email address?',
    emailError: 'That doesn’t look like an email address.',
    online: 'Connecting you with our team…',
    offline: 'We’re away right now. Leave your details and we’ll get back to you.',
    closing: 'Thanks for chatting with us!',
  },
  es: {
    message: 'Escribe aquí tu mensaje.',
    question: '¿Qué te gustaría hacer?',
    yes: 'Sí',
    no: 'No',
    capture: '¿Cuál es tu email?',
    emailError: 'Eso no parece un email.',
    online: 'Te estamos conectando con nuestro equipo…',
    offline: 'Ahora no estamos disponibles. Déjanos tus datos y te contactaremos.',
    closing: '¡Gracias por escribirnos!',
  },
  'pt-BR': {
    message: 'Escreva sua mensagem aqui.',
    question: 'O que você gostaria de fazer?',
    yes: 'Sim',
    no: 'Não',
    capture: 'Qual é o seu e-mail?',
    emailError: 'Isso não parece um e-mail.',
    online: 'Conectando você à nossa equipe…',
    offline: 'Estamos ausentes agora. Deixe seus dados e retornaremos.',
    closing: 'Obrigado pela conversa!',
  },
  fr: {
    message: 'Écrivez votre message ici.',
    question: 'Que souhaitez-vous faire ?',
    yes: 'Oui',
    no: 'Non',
    capture: 'Quelle est votre adresse e-mail ?',
    emailError: 'Cela ne ressemble pas à une adresse e-mail.',
    online: 'Nous vous mettons en relation avec notre équipe…',
    offline: 'Nous sommes absents pour le moment. Laissez vos coordonnées et nous vous recontacterons.',
    closing: 'Merci d’avoir discuté avec nous !',
  },
  de: {
    message: 'Schreib hier deine Nachricht.',
    question: 'Was möchtest du tun?',
    yes: 'Ja',
    no: 'Nein',
    capture: 'Wie lautet deine E-Mail-Adresse?',
    emailError: 'Das sieht nicht nach einer E-Mail-Adresse aus.',
    online: 'Wir verbinden dich mit unserem Team…',
    offline: 'Wir sind gerade nicht da. Hinterlass deine Daten, wir melden uns.',
    closing: 'Danke für das Gespräch!',
  },
});

/** A new card of `type` with sensible, valid defaults in the playbook's language. */
export function createNode(type: TPlaybookNodeType, id: string, language: TLanguage): TPlaybookNode {
  const t = DEFAULT_TEXTS[language];
  switch (type) {
    case 'message':
      return { id, type, content: text(t.message ?? '') };
    case 'question':
      return {
        id,
        type,
        content: text(t.question ?? ''),
        answer: {
          kind: 'buttons',
          options: [
            { id: 'yes', label: t.yes ?? 'Yes' },
            { id: 'no', label: t.no ?? 'No' },
          ],
        },
      };
    case 'capture':
      return {
        id,
        type,
        field: 'email',
        saveTo: 'visitor_email',
        prompt: text(t.capture ?? ''),
        required: true,
        validation: { kind: 'email', errorMessage: t.emailError ?? '', maxAttempts: 3 },
      };
    case 'live_chat':
      return {
        id,
        type,
        onlineMessage: text(t.online ?? ''),
        waitSeconds: 60,
        offlineMessage: text(t.offline ?? ''),
      };
    case 'condition':
      return {
        id,
        type,
        rules: [
          {
            id: 'rule_1',
            input: { kind: 'visitor_attribute', key: 'plan' },
            operator: 'equals',
            value: 'pro',
          },
        ],
      };
    case 'set_variable':
      return { id, type, variable: '', value: '' };
    case 'http_request':
      return {
        id,
        type,
        method: 'GET',
        url: '',
        timeoutSeconds: HTTP_REQUEST_TIMEOUT_SECONDS.default,
        mapping: [],
      };
    case 'wait':
      return { id, type, seconds: WAIT_CARD_SECONDS.default };
    case 'end':
      return {
        id,
        type,
        outcome: 'neutral',
        closingMessage: text(t.closing ?? ''),
        crm: {
          person: { mode: 'none' },
          organization: { mode: 'none' },
          record: { kind: 'none' },
          owner: { strategy: 'unassigned' },
          saveTranscript: false,
        },
      };
  }
}

/** Adds a new card of `type` at `position`; returns the document and the new card's id. */
export function addNode(
  doc: TPlaybookDocument,
  type: TPlaybookNodeType,
  position: { x: number; y: number },
): { doc: TPlaybookDocument; nodeId: string } {
  const nodeId = uniqueId(type, new Set(doc.flow.nodes.map((n) => n.id)));
  const node = {
    ...createNode(type, nodeId, doc.appearance.language),
    ui: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  return { doc: { ...doc, flow: { ...doc.flow, nodes: [...doc.flow.nodes, node] } }, nodeId };
}
