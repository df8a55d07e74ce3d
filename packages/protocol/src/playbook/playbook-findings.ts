/** Every finding code the playbook validator can report, in rule order. */
export const PLAYBOOK_FINDING_CODES = [
  'DOCUMENT_TOO_LARGE',
  'SCHEMA_INVALID',
  'RICH_TEXT_NOT_ALLOWED',
  'DUPLICATE_ID',
  'TOO_MANY_NODES',
  'TEXT_TOO_LONG',
  'OPTION_LABEL_DUPLICATE',
  'START_NODE_MISSING',
  'START_NODE_INVALID',
  'EDGE_UNKNOWN_NODE',
  'EDGE_UNKNOWN_PORT',
  'END_HAS_EDGES',
  'PORT_MULTIPLE_EDGES',
  'PORT_UNCONNECTED',
  'NODE_UNREACHABLE',
  'CYCLE_DETECTED',
  'BRANCH_NEVER_ENDS',
  'LIVECHAT_MULTIPLE_IN_PATH',
  'LIVECHAT_WAIT_OUT_OF_RANGE',
  'LIVECHAT_MESSAGE_EMPTY',
  'LIVECHAT_OFFLINE_UNCONNECTED',
  'CAPTURE_VARIABLE_TYPE',
  'CAPTURE_VALIDATION_KIND',
  'REGEX_INVALID',
  'VARIABLE_UNDECLARED',
  'VARIABLE_MAYBE_UNSET',
  'OUTCOME_NO_IDENTITY',
  'CONDITION_NO_RULES',
  'CONDITION_OPERATOR_UNKNOWN',
  'CONDITION_VALUE_MISSING',
  'CONDITION_VALUE_NOT_NUMBER',
  'CONDITION_OTHERWISE_UNCONNECTED',
  'SET_VARIABLE_NAME_EMPTY',
  'SET_VARIABLE_NOT_WRITABLE',
  'ACTIVITY_SUBJECT_EMPTY',
  'ACTIVITY_NOT_LINKED',
  'HTTP_URL_INVALID',
  'HTTP_URL_PRIVATE',
  'HTTP_URL_INSECURE',
  'HTTP_TIMEOUT_OUT_OF_RANGE',
  'HTTP_BODY_INVALID',
  'HTTP_MAPPING_PATH_INVALID',
  'HTTP_MAPPING_VARIABLE_INVALID',
  'WAIT_OUT_OF_RANGE',
] as const;

export type TPlaybookFindingCode = (typeof PLAYBOOK_FINDING_CODES)[number];

export type TFindingSeverity = 'error' | 'warning';

/**
 * One validator result. `nodeId`/`edgeId`/`port` say what to highlight. `path` is the JSON path
 * of the field for field-level findings (SCHEMA_INVALID, TEXT_TOO_LONG…) and the node-id path
 * through the graph for CYCLE_DETECTED and LIVECHAT_MULTIPLE_IN_PATH. `message` is English.
 */
export type TFinding = {
  code: TPlaybookFindingCode;
  severity: TFindingSeverity;
  nodeId?: string;
  edgeId?: string;
  port?: string;
  path?: string[];
  message: string;
};

/** True when any finding is an error (a playbook can only be activated with none). */
export function hasPlaybookErrors(findings: readonly TFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
