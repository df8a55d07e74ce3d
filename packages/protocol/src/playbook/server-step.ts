import { resolveHttpRequest, type TResolvedHttpRequest } from './http-request-eval';
import type { THttpRequestNode } from './http-request.schema';
import type { TPlaybookDocument } from './playbook.schema';
import type { TRunInputKind, TRunState } from './run-state.schema';
import { WAIT_CARD_SECONDS, type TWaitNode } from './wait.schema';

/**
 * What the server does for a card before the run goes on (the run is `server_step` meanwhile):
 * pause for a wait card, call the URL of an HTTP request card.
 */
export type TServerStep =
  | { kind: 'wait'; nodeId: string; seconds: number }
  | { kind: 'http_request'; nodeId: string; request: TResolvedHttpRequest };

/** The server's work for a wait or HTTP request card, with the run's variables filled in. */
export function serverStepOf(node: TWaitNode | THttpRequestNode, vars: TRunState['vars']): TServerStep {
  if (node.type === 'http_request')
    return { kind: 'http_request', nodeId: node.id, request: resolveHttpRequest(node, vars) };
  const { min, max } = WAIT_CARD_SECONDS;
  return { kind: 'wait', nodeId: node.id, seconds: Math.min(max, Math.max(min, node.seconds)) };
}

/**
 * The server's work a run in `server_step` waits for, recomputed from the stored state alone, so
 * a process that takes over after a crash does the same as the one that stopped.
 */
export function pendingServerStep(doc: TPlaybookDocument, state: TRunState): TServerStep | null {
  if (state.status !== 'server_step' || state.nodeId === null) return null;
  const node = doc.flow.nodes.find((n) => n.id === state.nodeId);
  if (node?.type !== 'wait' && node?.type !== 'http_request') return null;
  return serverStepOf(node, state.vars);
}

/** The inputs that end a server step at `node`. */
export function serverStepInputs(node: { type: string } | undefined): TRunInputKind[] {
  if (node?.type === 'wait') return ['wait_over'];
  if (node?.type === 'http_request') return ['http_response', 'http_failed'];
  return [];
}
