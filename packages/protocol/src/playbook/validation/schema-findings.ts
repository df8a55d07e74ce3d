import type { z } from 'zod';
import type { TFinding } from '../playbook-findings';

const RICH_TEXT_FIELDS = new Set(['content', 'prompt', 'onlineMessage', 'offlineMessage', 'closingMessage']);
// Issue codes that mean "something the rich-text allowlist does not allow" (unknown block or
// mark types, extra keys such as raw html, disallowed link/image URLs), as opposed to limits.
const DISALLOWED_CODES = new Set(['custom', 'invalid_union', 'unrecognized_keys', 'invalid_value']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `id` of `input.flow[list][index]` when it is a string. */
function rawIdAt(input: unknown, list: 'nodes' | 'edges', index: unknown): string | undefined {
  if (!isRecord(input) || !isRecord(input.flow) || typeof index !== 'number') return undefined;
  const items = input.flow[list];
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[index];
  return isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
}

function isInsideRichText(path: readonly PropertyKey[]): boolean {
  if (path[0] === 'flow' && path[1] === 'nodes')
    return path.length >= 4 && RICH_TEXT_FIELDS.has(String(path[3]));
  return path[0] === 'targeting' && path[1] === 'greeting' && path[2] === 'text';
}

/** Turns zod issues into findings, naming the node or edge they are about when the input has one. */
export function schemaFindings(input: unknown, error: z.ZodError): TFinding[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const where = path.length > 0 ? path.join('.') : 'document';
    const finding: TFinding = {
      code:
        isInsideRichText(issue.path) && DISALLOWED_CODES.has(issue.code)
          ? 'RICH_TEXT_NOT_ALLOWED'
          : 'SCHEMA_INVALID',
      severity: 'error',
      path,
      message: `${where}: ${issue.message}`,
    };
    if (issue.path[0] === 'flow' && issue.path[1] === 'nodes') {
      const nodeId = rawIdAt(input, 'nodes', issue.path[2]);
      if (nodeId !== undefined) finding.nodeId = nodeId;
    }
    if (issue.path[0] === 'flow' && issue.path[1] === 'edges') {
      const edgeId = rawIdAt(input, 'edges', issue.path[2]);
      if (edgeId !== undefined) finding.edgeId = edgeId;
    }
    return finding;
  });
}
