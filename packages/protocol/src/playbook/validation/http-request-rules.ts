import { httpUrlProblem, isJsonBodyTemplate, isJsonDotPath } from '../http-request-eval';
import { HTTP_REQUEST_TIMEOUT_SECONDS, type THttpRequestNode } from '../http-request.schema';
import type { TFinding } from '../playbook-findings';
import { CONTEXT_VARIABLE_KEYS } from '../system-variables';
import { WAIT_CARD_SECONDS, type TWaitNode } from '../wait.schema';
import { nodePath, type TRuleContext } from './rule-context';

export type THttpRuleOptions = {
  /**
   * The company allows requests to private and loopback targets (the webhooks' setting, which
   * the server passes); then a private host and plain http are no findings.
   */
  allowPrivateHttpTargets?: boolean;
};

const URL_FINDINGS = {
  invalid: {
    code: 'HTTP_URL_INVALID',
    message: 'Enter a full http(s) address; {{variables}} may go in its path and query only.',
  },
  private: {
    code: 'HTTP_URL_PRIVATE',
    message: 'This address is on a private network; allow private targets in the webhook settings first.',
  },
  insecure: {
    code: 'HTTP_URL_INSECURE',
    message: 'Use https; plain http only goes to targets on a private network, when allowed.',
  },
} as const;

function urlFindings(ctx: TRuleContext, node: THttpRequestNode, allowPrivate: boolean): TFinding[] {
  const problem = node.url === '' ? 'invalid' : httpUrlProblem(node.url, allowPrivate);
  if (problem === null) return [];
  const { code, message } = URL_FINDINGS[problem];
  return [{ code, severity: 'error', nodeId: node.id, path: nodePath(ctx, node.id, 'url'), message }];
}

function mappingFindings(ctx: TRuleContext, node: THttpRequestNode): TFinding[] {
  const findings: TFinding[] = [];
  node.mapping.forEach((m, i) => {
    const at = (field: string) => nodePath(ctx, node.id, 'mapping', String(i), field);
    if (!isJsonDotPath(m.path)) {
      findings.push({
        code: 'HTTP_MAPPING_PATH_INVALID',
        severity: 'error',
        nodeId: node.id,
        path: at('path'),
        message: `Value ${i + 1}: write a dot path into the answer, such as data.plan.`,
      });
    }
    if (m.variable === '' || (CONTEXT_VARIABLE_KEYS as readonly string[]).includes(m.variable)) {
      findings.push({
        code: 'HTTP_MAPPING_VARIABLE_INVALID',
        severity: 'error',
        nodeId: node.id,
        path: at('variable'),
        message: `Value ${i + 1}: choose a variable cards may set.`,
      });
    }
  });
  return findings;
}

function httpRequestFindings(ctx: TRuleContext, node: THttpRequestNode, allowPrivate: boolean): TFinding[] {
  const findings = urlFindings(ctx, node, allowPrivate);
  const { min, max } = HTTP_REQUEST_TIMEOUT_SECONDS;
  if (node.timeoutSeconds < min || node.timeoutSeconds > max) {
    findings.push({
      code: 'HTTP_TIMEOUT_OUT_OF_RANGE',
      severity: 'error',
      nodeId: node.id,
      path: nodePath(ctx, node.id, 'timeoutSeconds'),
      message: `The timeout is ${node.timeoutSeconds} seconds; use ${min} to ${max}.`,
    });
  }
  if (node.method === 'POST' && node.body !== undefined && !isJsonBodyTemplate(node.body)) {
    findings.push({
      code: 'HTTP_BODY_INVALID',
      severity: 'error',
      nodeId: node.id,
      path: nodePath(ctx, node.id, 'body'),
      message: 'The body is not JSON; put each {{variable}} inside quotes, like "{{visitor_email}}".',
    });
  }
  return [...findings, ...mappingFindings(ctx, node)];
}

function waitFindings(ctx: TRuleContext, node: TWaitNode): TFinding[] {
  const { min, max } = WAIT_CARD_SECONDS;
  if (node.seconds >= min && node.seconds <= max) return [];
  return [
    {
      code: 'WAIT_OUT_OF_RANGE',
      severity: 'error',
      nodeId: node.id,
      path: nodePath(ctx, node.id, 'seconds'),
      message: `The pause is ${node.seconds} seconds; use ${min} to ${max}.`,
    },
  ];
}

/**
 * Rule 23: an HTTP request card has an http(s) URL (https and no private host unless private
 * targets are allowed; templates only in its path and query), a timeout in [1, 10] seconds, a
 * JSON body template, and mappings of a dot path into a variable cards may write (declared: rule 13).
 * Rule 24: a wait card pauses 1 to 60 seconds.
 */
export function httpRequestAndWaitFindings(ctx: TRuleContext, options: THttpRuleOptions = {}): TFinding[] {
  const allowPrivate = options.allowPrivateHttpTargets === true;
  const findings: TFinding[] = [];
  for (const id of ctx.graph.nodeIds) {
    const node = ctx.graph.nodes.get(id);
    if (node?.type === 'http_request') findings.push(...httpRequestFindings(ctx, node, allowPrivate));
    if (node?.type === 'wait') findings.push(...waitFindings(ctx, node));
  }
  return findings;
}
