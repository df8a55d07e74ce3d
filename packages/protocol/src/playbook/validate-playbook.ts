import { MAX_PLAYBOOK_DOCUMENT_BYTES, ZPlaybookDocument, type TPlaybookDocument } from './playbook.schema';
import type { TFinding } from './playbook-findings';
import { captureFindings } from './validation/capture-rules';
import { activityFindings } from './validation/activity-rules';
import { conditionAndSetFindings } from './validation/condition-rules';
import {
  flowFacts,
  maybeUnsetFindings,
  outcomeIdentityFindings,
  undeclaredVariableFindings,
} from './validation/data-flow-rules';
import {
  duplicateIdFindings,
  optionLabelFindings,
  richTextUrlFindings,
  sizeFindings,
  textLengthFindings,
  type TDocumentRuleOptions,
} from './validation/document-rules';
import {
  cycleFindings,
  edgeFindings,
  neverEndsFindings,
  startNodeFindings,
  unconnectedPortFindings,
  unreachableFindings,
} from './validation/graph-rules';
import { httpRequestAndWaitFindings, type THttpRuleOptions } from './validation/http-request-rules';
import { liveChatFieldFindings, liveChatPerPathFindings } from './validation/live-chat-rules';
import { buildRuleContext } from './validation/rule-context';
import { schemaFindings } from './validation/schema-findings';

export type TValidatePlaybookOptions = TDocumentRuleOptions & THttpRuleOptions;

/**
 * `ok` is true when there are no errors (warnings allowed). `document` is the parsed document
 * whenever the schema accepts it, even with graph errors, so drafts can be saved as they are.
 */
export type TPlaybookValidation = { ok: boolean; document?: TPlaybookDocument; findings: TFinding[] };

function byteLength(input: unknown): number | null {
  try {
    const json = JSON.stringify(input);
    return json === undefined ? 0 : new TextEncoder().encode(json).length;
  } catch {
    return null;
  }
}

/** Errors first, otherwise in rule order and then document order (a stable sort keeps both). */
function ordered(findings: TFinding[]): TFinding[] {
  return [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Validates a playbook document: schema first, then the rules of docs/playbook-model.md (1–15, 20–24). */
export function validatePlaybook(
  input: unknown,
  options: TValidatePlaybookOptions = {},
): TPlaybookValidation {
  const bytes = byteLength(input);
  if (bytes === null) {
    return {
      ok: false,
      findings: [
        { code: 'SCHEMA_INVALID', severity: 'error', message: 'The playbook is not a JSON document.' },
      ],
    };
  }
  if (bytes > MAX_PLAYBOOK_DOCUMENT_BYTES) {
    const message = `The playbook is ${bytes} bytes; the limit is ${MAX_PLAYBOOK_DOCUMENT_BYTES}.`;
    return { ok: false, findings: [{ code: 'DOCUMENT_TOO_LARGE', severity: 'error', message }] };
  }
  const parsed = ZPlaybookDocument.safeParse(input);
  if (!parsed.success) return { ok: false, findings: schemaFindings(input, parsed.error) };

  const doc = parsed.data;
  const ctx = buildRuleContext(doc);
  const facts = flowFacts(ctx);
  const findings = ordered([
    ...richTextUrlFindings(doc, options),
    ...duplicateIdFindings(doc),
    ...sizeFindings(doc),
    ...textLengthFindings(doc),
    ...optionLabelFindings(doc),
    ...startNodeFindings(ctx),
    ...edgeFindings(ctx),
    ...unconnectedPortFindings(ctx),
    ...unreachableFindings(ctx),
    ...cycleFindings(ctx),
    ...neverEndsFindings(ctx),
    ...liveChatPerPathFindings(ctx),
    ...liveChatFieldFindings(ctx),
    ...captureFindings(ctx),
    ...conditionAndSetFindings(ctx),
    ...undeclaredVariableFindings(ctx),
    ...maybeUnsetFindings(ctx, facts),
    ...outcomeIdentityFindings(ctx, facts),
    ...activityFindings(ctx),
    ...httpRequestAndWaitFindings(ctx, options),
  ]);
  return { ok: !findings.some((f) => f.severity === 'error'), document: doc, findings };
}
