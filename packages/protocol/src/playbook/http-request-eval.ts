import {
  HTTP_REQUEST_TIMEOUT_SECONDS,
  type THttpFailure,
  type THttpRequestMethod,
  type THttpRequestNode,
  type THttpResponseMapping,
} from './http-request.schema';
import { fillTemplates, interpolateString } from './playbook-text';
import { CONTEXT_VARIABLE_KEYS } from './system-variables';

// The HTTP request card's pure parts (issue 18): URL checks made at edit time, the request as
// the server sends it, and what an answer means for the run. The I/O (and the SSRF guard, which
// decides at run time after resolving the host) is the server's.

/** The longest text a mapped value keeps, like every other run variable. */
const MAX_MAPPED_VALUE_CHARS = 2000;
const DOT_PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** Why a card's URL is refused at edit time (rule 23); null when it is fine. */
export type THttpUrlProblem = 'invalid' | 'insecure' | 'private' | null;

/** The request the server sends for a card, with its templates filled in. */
export type TResolvedHttpRequest = {
  method: THttpRequestMethod;
  url: string;
  /** JSON text for POST; null for GET or an empty body. */
  body: string | null;
  timeoutMs: number;
};

function ipv4Parts(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const numbers = parts.map(Number);
  return numbers.every((n) => n <= 255) ? numbers : null;
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function isPrivateIpv6(host: string): boolean {
  const ip = host.toLowerCase();
  if (ip === '::' || ip === '::1') return true;
  if (/^f[cd][0-9a-f]{0,2}:/.test(ip) || /^fe[89ab][0-9a-f]?:/.test(ip)) return true;
  // IPv4-mapped, as the URL parser writes it: ::ffff:7f00:1.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (!mapped) return false;
  const high = parseInt(mapped[1] ?? '0', 16);
  return isPrivateIpv4([high >> 8, high & 0xff]);
}

/**
 * True for a host that is private on its face: localhost and local-only names, and loopback,
 * private, link-local (the cloud metadata address) or CGNAT IP literals. Only a hint at edit time:
 * a public name may still resolve to a private address, which the server's guard refuses.
 */
export function isObviouslyPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || /\.(localhost|local|internal)$/.test(host)) return true;
  const v4 = ipv4Parts(host);
  if (v4) return isPrivateIpv4(v4);
  return host.includes(':') && isPrivateIpv6(host);
}

/**
 * Checks a card's URL (rule 23): http(s), parseable once its `{{variables}}` are filled, no
 * template in the scheme, host or port, no credentials, no private host and https — the last two
 * unless the company allows private targets (the webhooks' setting).
 */
export function httpUrlProblem(url: string, allowPrivate: boolean): THttpUrlProblem {
  if (!/^https?:\/\//i.test(url) || /^https?:\/\/[^/?#]*\{\{/i.test(url)) return 'invalid';
  let parsed: URL;
  try {
    parsed = new URL(fillTemplates(url, () => 'x'));
  } catch {
    return 'invalid';
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return 'invalid';
  if (allowPrivate) return null;
  if (isObviouslyPrivateHost(parsed.hostname)) return 'private';
  return parsed.protocol === 'https:' ? null : 'insecure';
}

/** True when a POST body template is JSON once its `{{variables}}` are filled (they belong inside strings). */
export function isJsonBodyTemplate(body: string): boolean {
  if (body.trim() === '') return true;
  try {
    JSON.parse(fillTemplates(body, () => ''));
    return true;
  } catch {
    return false;
  }
}

/** True for a dot path into a JSON answer: `data.plan`, `items.0.name`. */
export function isJsonDotPath(path: string): boolean {
  return DOT_PATH.test(path);
}

/** The value at a dot path of parsed JSON (numeric segments index arrays), or undefined. */
export function readJsonPath(json: unknown, path: string): unknown {
  let current = json;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (current !== null && typeof current === 'object' && !Array.isArray(current))
      current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    else return undefined;
  }
  return current;
}

function asVariableText(value: unknown): string {
  // Parsed JSON holds only these kinds of values.
  let text = '';
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (typeof value === 'object' && value !== null) text = JSON.stringify(value);
  return text.slice(0, MAX_MAPPED_VALUE_CHARS);
}

/**
 * The variables a JSON answer sets through a card's mapping: text as is, numbers and booleans
 * written out, objects and arrays as JSON; a missing or null value empties the variable.
 */
export function mapHttpResponse(
  mapping: readonly THttpResponseMapping[],
  json: unknown,
): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const { path, variable } of mapping) {
    // Rule 23 refuses these; a run never lets an answer overwrite what the page told it.
    if (
      variable === '' ||
      !isJsonDotPath(path) ||
      (CONTEXT_VARIABLE_KEYS as readonly string[]).includes(variable)
    )
      continue;
    vars[variable] = asVariableText(readJsonPath(json, path));
  }
  return vars;
}

function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** The request of a card with the run's variables: URL-encoded in the URL, JSON-escaped in the body. */
export function resolveHttpRequest(
  node: THttpRequestNode,
  vars: Readonly<Record<string, string>>,
): TResolvedHttpRequest {
  const { min, max } = HTTP_REQUEST_TIMEOUT_SECONDS;
  const body =
    node.method === 'POST' && node.body?.trim() ? interpolateString(node.body, vars, jsonEscaped) : null;
  return {
    method: node.method,
    url: interpolateString(node.url, vars, encodeURIComponent),
    body,
    timeoutMs: Math.min(max, Math.max(min, node.timeoutSeconds)) * 1000,
  };
}

/**
 * What an answer means for the run: a 2xx whose body is JSON (an empty one, as a 204 sends, counts
 * as nothing to map) goes on with it; any other status, a cut-off or a non-JSON body fails.
 */
export function decideHttpAnswer(answer: {
  status: number;
  body: string;
  truncated: boolean;
}): { ok: true; json: unknown } | { ok: false; reason: THttpFailure } {
  if (answer.status < 200 || answer.status > 299) return { ok: false, reason: 'status' };
  if (answer.truncated) return { ok: false, reason: 'too_large' };
  if (answer.body.trim() === '') return { ok: true, json: null };
  try {
    return { ok: true, json: JSON.parse(answer.body) as unknown };
  } catch {
    return { ok: false, reason: 'not_json' };
  }
}
