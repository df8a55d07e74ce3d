import {
  errorMessageFor,
  isErrorCode,
  type ErrorCode,
  type TFieldIssue,
  type TFieldRule,
} from '@charla/protocol';
import { currentLanguage, i18next } from './i18n';

/** An error answer from the Charla API, with the catalogue code the UI branches on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever the server says the session is gone (401), so the app can show the login page. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type RequestOptions = {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
};

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      credentials: 'same-origin',
      headers:
        options.body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', i18next.t('errors.unreachable'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text === '' ? null : safeJson(text);
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    if (response.status === 401 && path !== '/auth/login')
      for (const listener of unauthenticatedListeners) listener();
    const code = error?.code ?? 'INTERNAL';
    throw new ApiError(
      response.status,
      code as ErrorCode,
      messageFor(code, error?.message ?? response.statusText),
      error?.details,
    );
  }
  return data as T;
}

/** The server's message (English), or the catalogue's message in the UI language when that is not English (R26). */
function messageFor(code: string, serverMessage: string): string {
  const language = currentLanguage();
  return language !== 'en' && isErrorCode(code) ? errorMessageFor(code, language) : serverMessage;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The one REST client of the inbox (same-origin cookie session; the browser sends Origin). */
export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
};

/** Field messages from a VALIDATION_FAILED answer, keyed by the field's path ("person.email"). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const out: Record<string, string> = {};
  type Issue = Partial<Omit<TFieldIssue, 'path'>> & { path?: string | (string | number)[] };
  const details = error.details as { issues?: Issue[] } | Issue[] | undefined;
  const issues = Array.isArray(details) ? details : (details?.issues ?? []);
  for (const issue of issues) {
    const path = pathOf(issue.path);
    const message = issue.message ? messageOf({ ...issue, message: issue.message }) : null;
    if (path !== null && message) out[path] ??= message;
  }
  return out;
}

/**
 * The reader's words for what the field broke (the server's `rule` and `limit`); a rule without
 * words of its own keeps the validator's English for English readers and says the field is not
 * valid in the other languages.
 */
function messageOf(issue: { message: string; rule?: TFieldRule; limit?: number }): string {
  const limit = issue.limit;
  switch (issue.rule) {
    case 'required':
      return i18next.t('errors.required');
    case 'too_long':
      if (limit !== undefined) return i18next.t('errors.tooLong', { max: limit });
      break;
    case 'too_short':
      if (limit !== undefined) return i18next.t('errors.tooShort', { min: limit });
      break;
    case 'too_large':
      if (limit !== undefined) return i18next.t('errors.tooLarge', { max: limit });
      break;
    case 'too_small':
      if (limit !== undefined) return i18next.t('errors.tooSmall', { min: limit });
      break;
    case 'email':
      return i18next.t('errors.emailInvalid');
    case 'url':
      return i18next.t('errors.urlInvalid');
  }
  return currentLanguage() === 'en' ? issue.message : i18next.t('errors.invalidField');
}

/** The server sends a dotted string ("person.email"); a Zod issue sends the segments. */
function pathOf(path: string | (string | number)[] | undefined): string | null {
  if (typeof path === 'string') return path;
  return Array.isArray(path) ? path.join('.') : null;
}
