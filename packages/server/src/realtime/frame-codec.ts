import { MAX_FRAME_BYTES } from '@charla/protocol';
import type { RawData } from 'ws';
import type { ZodType } from 'zod';
import { toAppError } from '../http/error-handler';
import { fieldIssueOf } from '../http/field-issue';
import { containsNul, NUL_MESSAGE } from '../http/strict-input';
import { AppError } from '../lib/app-error';

/** The hard limit at which ws itself closes the socket (1009); between 64 KB and this, an error frame. */
export const HARD_FRAME_LIMIT = 256 * 1024;

export type ErrorFrame = { type: 'error'; ref?: string; code: string; message: string; details?: unknown };

export type ParsedFrame<T> = { ok: true; frame: T } | { ok: false; error: AppError; ref?: string };

/** The `ref` a client put on a frame, so its error frame can name it (even when the frame is invalid). */
export function refOf(json: unknown): string | undefined {
  const ref = (json as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' ? ref.slice(0, 64) : undefined;
}

function sizeOf(raw: RawData): number {
  return Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : (raw as Buffer).byteLength;
}

/** Decodes and validates one client frame against its protocol schema; bad input becomes an AppError. */
export function parseFrame<T>(raw: RawData, schema: ZodType<T>): ParsedFrame<T> {
  if (sizeOf(raw) > MAX_FRAME_BYTES) return { ok: false, error: new AppError('FRAME_TOO_LARGE') };
  let json: unknown;
  try {
    const text = Buffer.isBuffer(raw)
      ? raw.toString('utf8')
      : Buffer.concat(raw as Buffer[]).toString('utf8');
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: new AppError('INVALID_JSON') };
  }
  const ref = refOf(json);
  const withRef = (error: AppError): ParsedFrame<T> => ({ ok: false, error, ...(ref ? { ref } : {}) });
  if (containsNul(json)) return withRef(new AppError('BAD_REQUEST', { message: NUL_MESSAGE }));
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return withRef(
      new AppError('VALIDATION_FAILED', {
        details: parsed.error.issues.map((i) => fieldIssueOf(i.path.join('.'), i.message, i)),
      }),
    );
  }
  return { ok: true, frame: parsed.data };
}

/** The error frame for anything a frame handler threw: the catalogue code, never a stack. */
export function errorFrameOf(error: unknown, ref?: string): { frame: ErrorFrame; internal: boolean } {
  const appError = toAppError(error);
  return {
    internal: appError.status >= 500,
    frame: {
      type: 'error',
      ...(ref ? { ref } : {}),
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    },
  };
}
