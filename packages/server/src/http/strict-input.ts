import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/app-error';
import { assertJsonWithinLimits } from '../lib/json';

/**
 * True when any string (or object key) inside a parsed JSON value holds a NUL character.
 * PostgreSQL cannot store NUL in text, so such input would fail deep inside a write (500, and
 * possibly after an earlier write succeeded); it is refused at the edge on both databases instead.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

export const NUL_MESSAGE = 'Text must not contain NUL characters.';

/**
 * JSON bodies must be valid UTF-8 (not silently repaired with U+FFFD), free of NUL and within the
 * JSON depth and size limits (`lib/json.ts`); query
 * strings and path parameters must be free of NUL. Fastify's own parser still does the parsing,
 * with its __proto__ / constructor poisoning protection.
 */
export function installStrictInput(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new AppError('INVALID_JSON', { message: 'The request body is not valid UTF-8.' }), undefined);
      return;
    }
    void parseJson(request, bytes.toString('utf8'), (error, parsed) => {
      if (error) return done(error, undefined);
      if (containsNul(parsed)) return done(new AppError('BAD_REQUEST', { message: NUL_MESSAGE }), undefined);
      try {
        assertJsonWithinLimits(parsed);
      } catch (limitError) {
        return done(limitError as AppError, undefined);
      }
      done(null, parsed);
    });
  });
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.query) || containsNul(request.params))
      throw new AppError('BAD_REQUEST', { message: NUL_MESSAGE });
  });
}
