import { randomBytes } from 'node:crypto';
import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/index';

/** The install's mail secrets: the key that signs chat links and reply addresses, and the inbound secret. */
export type MailKeys = { signingKey: string; inboundSecret: string };
const MAIL_KEYS = 'mail.keys';

/**
 * Created on first use and kept in the settings table; setIfAbsent makes concurrent first uses
 * on several processes agree on one pair. Cached per process (they never change by themselves).
 */
export function createMailKeySource(settings: SettingsStore, clock: Clock): () => Promise<MailKeys> {
  let cached: MailKeys | null = null;
  return async () => {
    if (cached) return cached;
    const fresh: MailKeys = {
      signingKey: randomBytes(32).toString('base64url'),
      inboundSecret: randomBytes(24).toString('base64url'),
    };
    cached = await settings.setIfAbsent<MailKeys>(MAIL_KEYS, fresh, clock.now());
    return cached;
  };
}
