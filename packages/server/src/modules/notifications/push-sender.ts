import type { TPushPayload } from '@charla/protocol';
import { postGuarded } from '../../lib/guarded-post';
import type { VapidKeys } from './vapid-keys';

/** How long a push service has to answer one request (push services answer in well under a second). */
export const PUSH_TIMEOUT_MS = 5_000;
const PUSH_TTL_SECONDS = 60 * 60;

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushOptions = { vapid: VapidKeys; subject: string; allowPrivate: boolean };

/**
 * Encrypts (aes128gcm, RFC 8291) and signs (VAPID) with web-push, then POSTs through the SSRF
 * guard ourselves instead of web-push's own https request: a push endpoint is a user-supplied
 * URL, so it must not reach private addresses, and http is needed for local test receivers.
 * Resolves with the push service's status (201 = accepted; 404/410 = subscription gone).
 */
export async function sendWebPush(
  target: PushTarget,
  payload: TPushPayload,
  options: PushOptions,
): Promise<number> {
  // web-push (and its crypto dependencies) loads on the first push, not at start-up.
  const { default: webpush } = await import('web-push');
  const details = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: {
        subject: options.subject,
        publicKey: options.vapid.publicKey,
        privateKey: options.vapid.privateKey,
      },
      TTL: PUSH_TTL_SECONDS,
      urgency: 'high',
      contentEncoding: 'aes128gcm',
    },
  );
  const headers = Object.fromEntries(
    Object.entries(details.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
  ) as Record<string, string | number>;
  const response = await postGuarded(details.endpoint, {
    headers,
    body: details.body,
    timeoutMs: PUSH_TIMEOUT_MS,
    allowPrivate: options.allowPrivate,
  });
  return response.status;
}
