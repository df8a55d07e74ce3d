import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/index';

export type VapidKeys = { publicKey: string; privateKey: string };
const VAPID_KEY = 'webpush.vapid';

/**
 * The server's VAPID key pair, created on first use and kept in the settings table. setIfAbsent
 * makes concurrent first uses on several processes agree on one pair.
 */
export function createVapidKeySource(settings: SettingsStore, clock: Clock): () => Promise<VapidKeys> {
  let cached: VapidKeys | null = null;
  return async () => {
    if (cached) return cached;
    const { default: webpush } = await import('web-push');
    cached = await settings.setIfAbsent<VapidKeys>(VAPID_KEY, webpush.generateVAPIDKeys(), clock.now());
    return cached;
  };
}

/** The VAPID `sub` claim: the public https URL, or a mailto: on its host when there is none. */
export function vapidSubject(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? publicUrl : `mailto:webmaster@${new URL(publicUrl).hostname}`;
}
