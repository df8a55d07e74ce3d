import type { TFinding, TPlaybookDocument } from '@charla/protocol';

// Which field of the card editor a validator finding is about, so the findings panel can focus it
// and the editor can show the message under it. A field key is the element id of the control, or
// `rte-<name>` for a rich-text editor (its wrapper's test id). Pure: the same finding always names
// the same field.

const RICH_TEXT_FIELDS: Record<string, string> = {
  content: 'rte-content',
  prompt: 'rte-prompt',
  onlineMessage: 'rte-online',
  offlineMessage: 'rte-offline',
  closingMessage: 'rte-closing',
};

const BY_CODE: Partial<Record<TFinding['code'], string>> = {
  LIVECHAT_WAIT_OUT_OF_RANGE: 'lc-wait',
  LIVECHAT_OFFLINE_UNCONNECTED: 'port-offline',
  CONDITION_OTHERWISE_UNCONNECTED: 'port-otherwise',
  CAPTURE_VARIABLE_TYPE: 'capture-save',
  CAPTURE_VALIDATION_KIND: 'capture-field',
  OUTCOME_NO_IDENTITY: 'end-record',
  ACTIVITY_NOT_LINKED: 'end-record',
  SET_VARIABLE_NAME_EMPTY: 'set-variable',
  SET_VARIABLE_NOT_WRITABLE: 'set-variable',
  HTTP_URL_INVALID: 'http-url',
  HTTP_URL_PRIVATE: 'http-url',
  HTTP_URL_INSECURE: 'http-url',
  HTTP_TIMEOUT_OUT_OF_RANGE: 'http-timeout',
  HTTP_BODY_INVALID: 'http-body',
  WAIT_OUT_OF_RANGE: 'wait-seconds',
};

const BY_PATH: Record<string, string> = {
  saveTo: 'capture-save',
  'answer.saveTo': 'answer-save',
  variable: 'set-variable',
  value: 'set-value',
  label: 'card-label',
  'crm.record.titleTemplate': 'end-title',
  'crm.activity.subjectTemplate': 'end-activity-subject',
  'crm.activity.dueInMinutes': 'end-activity-due',
  url: 'http-url',
  body: 'http-body',
  timeoutSeconds: 'http-timeout',
  seconds: 'wait-seconds',
};

/** The card a finding belongs to: its own card, or the source card of its connection. */
export function findingNodeId(doc: TPlaybookDocument, finding: TFinding): string | null {
  if (finding.nodeId) return finding.nodeId;
  if (!finding.edgeId) return null;
  return doc.flow.edges.find((e) => e.id === finding.edgeId)?.from.nodeId ?? null;
}

/** The port a finding is about (its own, or its connection's). */
function findingPort(doc: TPlaybookDocument, finding: TFinding): string | null {
  if (finding.port) return finding.port;
  if (!finding.edgeId) return null;
  return doc.flow.edges.find((e) => e.id === finding.edgeId)?.from.port ?? null;
}

/** The field key of the card editor that a finding is about, or null when it is about the card. */
export function findingField(doc: TPlaybookDocument, finding: TFinding): string | null {
  const byCode = BY_CODE[finding.code];
  if (byCode) return byCode;
  const path = finding.path ?? [];
  // ['flow', 'nodes', i, ...field]; graph findings carry node ids instead.
  const field = path[0] === 'flow' && path[1] === 'nodes' ? path.slice(3) : [];
  if (field[0] === 'rules' && field[1] !== undefined && (field[2] === 'value' || field[2] === 'operator'))
    return `rule-${field[1]}-${field[2]}`;
  if (field[0] === 'mapping' && field[1] !== undefined && (field[2] === 'path' || field[2] === 'variable'))
    return `http-map-${field[1]}-${field[2]}`;
  const rich = field[0] ? RICH_TEXT_FIELDS[field[0]] : undefined;
  if (rich) return rich;
  const port = findingPort(doc, finding);
  if (port && (finding.code === 'PORT_UNCONNECTED' || finding.code === 'PORT_MULTIPLE_EDGES'))
    return `port-${port}`;
  return BY_PATH[field.join('.')] ?? null;
}

/** Errors first, then warnings; within each, in the validator's order. */
export function sortFindings(findings: readonly TFinding[]): TFinding[] {
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity === 'warning'),
  ];
}
