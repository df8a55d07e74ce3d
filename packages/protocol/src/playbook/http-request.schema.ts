import { z } from 'zod';
import { nodeBase } from './node-base';

/** Timeout of an HTTP request card in seconds: [1, 10] (rule 23), 5 by default. */
export const HTTP_REQUEST_TIMEOUT_SECONDS = { min: 1, max: 10, default: 5 } as const;
/** The server reads at most this much of a response; a longer one takes the `failed` exit. */
export const HTTP_RESPONSE_MAX_BYTES = 256 * 1024;
export const MAX_HTTP_URL_CHARS = 2000;
export const MAX_HTTP_BODY_CHARS = 4000;
export const MAX_HTTP_MAPPINGS = 20;
export const MAX_HTTP_PATH_CHARS = 200;

/** Why a call took the `failed` exit: refused by the server's SSRF guard, too slow, unreachable, a non-2xx status, a body that is not JSON or too long. */
export const ZHttpFailure = z.enum(['refused', 'timeout', 'network', 'status', 'not_json', 'too_large']);
export type THttpFailure = z.infer<typeof ZHttpFailure>;

export const HTTP_REQUEST_METHODS = ['GET', 'POST'] as const;
export type THttpRequestMethod = (typeof HTTP_REQUEST_METHODS)[number];

/**
 * One value taken from the JSON response: `path` is a dot path (`data.plan`, `items.0.name`) and
 * `variable` a declared variable cards may write. Both are plain strings so that a bad one is a
 * finding on the card (rule 23), not an opaque SCHEMA_INVALID.
 */
export const ZHttpResponseMapping = z.strictObject({
  path: z.string().trim().max(MAX_HTTP_PATH_CHARS),
  variable: z.string().trim().max(40),
});
export type THttpResponseMapping = z.infer<typeof ZHttpResponseMapping>;

/**
 * Calls an outside JSON API from the server (never from the visitor's browser) and copies values
 * of its answer into variables. `url` may hold `{{variables}}` in its path and query (filled
 * URL-encoded), `body` (POST only) is a JSON template whose `{{variables}}` are filled
 * JSON-escaped. Exits: `next` on a 2xx JSON answer, `failed` otherwise (unconnected: `next`).
 */
export const ZHttpRequestNode = z.strictObject({
  ...nodeBase,
  type: z.literal('http_request'),
  method: z.enum(HTTP_REQUEST_METHODS),
  url: z.string().trim().max(MAX_HTTP_URL_CHARS),
  body: z.string().max(MAX_HTTP_BODY_CHARS).optional(),
  /** Range [1, 10] is an HTTP_TIMEOUT_OUT_OF_RANGE finding, not a parse error. */
  timeoutSeconds: z.number().int(),
  mapping: z.array(ZHttpResponseMapping).max(MAX_HTTP_MAPPINGS),
});
export type THttpRequestNode = z.infer<typeof ZHttpRequestNode>;
