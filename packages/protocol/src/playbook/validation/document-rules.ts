import type { TRichText } from '../../rich-text/rich-text.schema';
import { isAllowedImageSrc, isAllowedLinkHref } from '../../rich-text/rich-text-rules';
import {
  MAX_PLAYBOOK_EDGES,
  MAX_PLAYBOOK_NODES,
  MAX_PLAYBOOK_TEXT_CHARS,
  type TPlaybookDocument,
} from '../playbook.schema';
import type { TFinding } from '../playbook-findings';
import { plainTextLength, richTextFieldsOf, urlsOfRichText } from '../playbook-text';
import { isSystemVariableKey } from '../system-variables';

export type TDocumentRuleOptions = {
  /** When set, rich-text images must be served from one of these hosts (e.g. the asset host). */
  imageHosts?: readonly string[];
};

/** Rule 2: unique node ids, edge ids, variable keys (system keys are reserved) and option ids. */
export function duplicateIdFindings(doc: TPlaybookDocument): TFinding[] {
  const findings: TFinding[] = [];
  const seenNodes = new Set<string>();
  doc.flow.nodes.forEach((node, i) => {
    if (seenNodes.has(node.id)) {
      findings.push({
        code: 'DUPLICATE_ID',
        severity: 'error',
        nodeId: node.id,
        path: ['flow', 'nodes', String(i), 'id'],
        message: `Another card already has the id "${node.id}".`,
      });
    }
    seenNodes.add(node.id);
    if (node.type === 'question' && node.answer.kind === 'buttons') {
      const seenOptions = new Set<string>();
      node.answer.options.forEach((option, j) => {
        if (seenOptions.has(option.id)) {
          findings.push({
            code: 'DUPLICATE_ID',
            severity: 'error',
            nodeId: node.id,
            path: ['flow', 'nodes', String(i), 'answer', 'options', String(j), 'id'],
            message: `Two buttons of this question have the id "${option.id}".`,
          });
        }
        seenOptions.add(option.id);
      });
    }
  });
  const seenEdges = new Set<string>();
  doc.flow.edges.forEach((edge, i) => {
    if (seenEdges.has(edge.id)) {
      findings.push({
        code: 'DUPLICATE_ID',
        severity: 'error',
        edgeId: edge.id,
        path: ['flow', 'edges', String(i), 'id'],
        message: `Another connection already has the id "${edge.id}".`,
      });
    }
    seenEdges.add(edge.id);
  });
  const seenKeys = new Set<string>();
  doc.variables.forEach((variable, i) => {
    const path = ['variables', String(i), 'key'];
    if (isSystemVariableKey(variable.key)) {
      findings.push({
        code: 'DUPLICATE_ID',
        severity: 'error',
        path,
        message: `"${variable.key}" is a system variable and always exists; do not declare it.`,
      });
    } else if (seenKeys.has(variable.key)) {
      findings.push({
        code: 'DUPLICATE_ID',
        severity: 'error',
        path,
        message: `The variable "${variable.key}" is declared twice.`,
      });
    }
    seenKeys.add(variable.key);
  });
  return findings;
}

/** Rule 3: at most 200 cards and 400 connections. */
export function sizeFindings(doc: TPlaybookDocument): TFinding[] {
  const findings: TFinding[] = [];
  if (doc.flow.nodes.length > MAX_PLAYBOOK_NODES) {
    findings.push({
      code: 'TOO_MANY_NODES',
      severity: 'error',
      path: ['flow', 'nodes'],
      message: `A playbook holds at most ${MAX_PLAYBOOK_NODES} cards; this one has ${doc.flow.nodes.length}.`,
    });
  }
  if (doc.flow.edges.length > MAX_PLAYBOOK_EDGES) {
    findings.push({
      code: 'TOO_MANY_NODES',
      severity: 'error',
      path: ['flow', 'edges'],
      message: `A playbook holds at most ${MAX_PLAYBOOK_EDGES} connections; this one has ${doc.flow.edges.length}.`,
    });
  }
  return findings;
}

type TLocatedText = { nodeId?: string; path: string[]; text: TRichText };

function richTextsOf(doc: TPlaybookDocument): TLocatedText[] {
  const texts: TLocatedText[] = [];
  if (doc.targeting.greeting.text) {
    texts.push({ path: ['targeting', 'greeting', 'text'], text: doc.targeting.greeting.text });
  }
  doc.flow.nodes.forEach((node, i) => {
    for (const { field, text } of richTextFieldsOf(node)) {
      texts.push({ nodeId: node.id, path: ['flow', 'nodes', String(i), field], text });
    }
  });
  return texts;
}

/** Rule 3: each rich-text field holds at most 1,000 characters of plain text. */
export function textLengthFindings(doc: TPlaybookDocument): TFinding[] {
  return richTextsOf(doc).flatMap(({ nodeId, path, text }) => {
    const length = plainTextLength(text);
    if (length <= MAX_PLAYBOOK_TEXT_CHARS) return [];
    return [
      {
        code: 'TEXT_TOO_LONG' as const,
        severity: 'error' as const,
        ...(nodeId !== undefined && { nodeId }),
        path,
        message: `This text has ${length} characters; the limit is ${MAX_PLAYBOOK_TEXT_CHARS}.`,
      },
    ];
  });
}

/** Rule 3: button labels are unique within a question, ignoring case. */
export function optionLabelFindings(doc: TPlaybookDocument): TFinding[] {
  const findings: TFinding[] = [];
  doc.flow.nodes.forEach((node, i) => {
    if (node.type !== 'question' || node.answer.kind !== 'buttons') return;
    const seen = new Set<string>();
    node.answer.options.forEach((option, j) => {
      const key = option.label.trim().toLocaleLowerCase();
      if (seen.has(key)) {
        findings.push({
          code: 'OPTION_LABEL_DUPLICATE',
          severity: 'error',
          nodeId: node.id,
          path: ['flow', 'nodes', String(i), 'answer', 'options', String(j), 'label'],
          message: `Two buttons are labelled "${option.label}".`,
        });
      }
      seen.add(key);
    });
  });
  return findings;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** Rule 15: links are http/https/mailto; images are https (and from the asset host when given). */
export function richTextUrlFindings(doc: TPlaybookDocument, options: TDocumentRuleOptions): TFinding[] {
  const findings: TFinding[] = [];
  for (const { nodeId, path, text } of richTextsOf(doc)) {
    for (const { kind, url } of urlsOfRichText(text)) {
      let problem: string | null = null;
      if (kind === 'link' && !isAllowedLinkHref(url))
        problem = `The link "${url}" is not http, https or mailto.`;
      if (kind === 'image' && !isAllowedImageSrc(url))
        problem = `The image "${url}" is not served over https.`;
      if (kind === 'image' && problem === null && options.imageHosts) {
        const host = hostOf(url);
        if (host === null || !options.imageHosts.includes(host))
          problem = `The image "${url}" is not on an allowed host.`;
      }
      if (problem !== null) {
        findings.push({
          code: 'RICH_TEXT_NOT_ALLOWED',
          severity: 'error',
          ...(nodeId !== undefined && { nodeId }),
          path,
          message: problem,
        });
      }
    }
  }
  return findings;
}
