import {
  decideHttpAnswer,
  HTTP_RESPONSE_MAX_BYTES,
  type THttpFailure,
  type TResolvedHttpRequest,
  type TRunInput,
} from '@charla/protocol';
import { requestGuarded } from '../../lib/guarded-post';
import { ForbiddenTargetError, type Resolver } from '../../lib/ssrf-guard';

/** What an HTTP request card's call gives the run: the parsed answer, or why it failed. */
export type HttpCardResult = Extract<TRunInput, { kind: 'http_response' | 'http_failed' }>;
export type HttpCardCaller = (request: TResolvedHttpRequest) => Promise<HttpCardResult>;

const USER_AGENT = 'Charla-Playbook/1';

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The only abort is the request's own deadline. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * Calls an HTTP request card's URL from the server (issue 18) through the webhooks' SSRF guard and
 * private-targets setting — the same guard, never a second one: the host is resolved and every
 * address vetted, the connection goes to a vetted address only, no redirect is followed (a 3xx
 * fails the call), at most HTTP_RESPONSE_MAX_BYTES are read, and one deadline covers it all.
 * Plain http goes out only where private targets are allowed, as the validator says (rule 23).
 */
export function createHttpCardCaller(deps: {
  allowPrivateTargets: () => Promise<boolean>;
  /** Tests pass a resolver; the system's DNS otherwise. */
  resolve?: Resolver;
  /** Told why a call failed (for the log: the host only, as paths and queries may hold visitor data). */
  onFailed?: (reason: THttpFailure, host: string) => void;
}): HttpCardCaller {
  const call = callOnce(deps);
  return async (request) => {
    const result = await call(request);
    if (result.kind === 'http_failed') deps.onFailed?.(result.reason, hostOf(request.url));
    return result;
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function callOnce(deps: { allowPrivateTargets: () => Promise<boolean>; resolve?: Resolver }): HttpCardCaller {
  return async (request) => {
    const allowPrivate = await deps.allowPrivateTargets();
    if (!allowPrivate && !isHttps(request.url)) return { kind: 'http_failed', reason: 'refused' };
    try {
      const answer = await requestGuarded(request.url, {
        method: request.method,
        headers: {
          accept: 'application/json',
          'user-agent': USER_AGENT,
          ...(request.method === 'POST' ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        },
        ...(request.body === null ? {} : { body: request.body }),
        timeoutMs: request.timeoutMs,
        allowPrivate,
        maxResponseBytes: HTTP_RESPONSE_MAX_BYTES,
        ...(deps.resolve ? { resolve: deps.resolve } : {}),
      });
      const decided = decideHttpAnswer(answer);
      return decided.ok
        ? { kind: 'http_response', json: decided.json }
        : { kind: 'http_failed', reason: decided.reason };
    } catch (error) {
      if (error instanceof ForbiddenTargetError) return { kind: 'http_failed', reason: 'refused' };
      return { kind: 'http_failed', reason: isTimeout(error) ? 'timeout' : 'network' };
    }
  };
}
