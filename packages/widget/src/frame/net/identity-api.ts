import type { TIdentifyResponse } from '@charla/protocol';
import type { TIdentifyFields } from '../../shared/bridge';

export type TIdentifyResult =
  { ok: true; answer: TIdentifyResponse } | { ok: false; code: string; message: string };

/** POST /api/v1/widget/identify: the server's answer, or its error code and message (never thrown). */
export async function postIdentify(token: string, fields: TIdentifyFields): Promise<TIdentifyResult> {
  try {
    const res = await fetch('/api/v1/widget/identify', {
      method: 'POST',
      headers: { authorization: `Visitor ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    });
    const body = (await res.json().catch(() => ({}))) as TIdentifyResponse & {
      error?: { code?: string; message?: string };
    };
    if (res.ok) return { ok: true, answer: body };
    return {
      ok: false,
      code: body.error?.code ?? `HTTP_${res.status}`,
      message: body.error?.message ?? '',
    };
  } catch {
    return { ok: false, code: 'NETWORK', message: 'The identity could not reach the server.' };
  }
}

/** DELETE /api/v1/widget/session: `Charla.reset()` retires a verified user's device token (best effort). */
export function forgetSession(token: string): void {
  void fetch('/api/v1/widget/session', {
    method: 'DELETE',
    headers: { authorization: `Visitor ${token}` },
    keepalive: true,
  }).catch(() => undefined);
}
