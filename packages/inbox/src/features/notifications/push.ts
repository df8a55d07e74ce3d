import type { TPushSubscriptionRequest } from '@charla/protocol';
import { notificationsApi } from './notifications-api';

export type PushSupport = 'supported' | 'unsupported' | 'insecure';

export function pushSupport(): PushSupport {
  if (!window.isSecureContext) return 'insecure';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return 'unsupported';
  return 'supported';
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Registers /sw.js (Web Push and notification clicks); harmless to call repeatedly. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  try {
    return await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch {
    return null;
  }
}

export function urlBase64ToUint8Array(base64: string): Uint8Array<ArrayBuffer> {
  const padded = (base64 + '='.repeat((4 - (base64.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Subscribes this device to Web Push with the server's VAPID key and sends the subscription to the server. */
export async function subscribeToPush(): Promise<'subscribed' | 'denied' | 'unsupported' | 'failed'> {
  if (pushSupport() !== 'supported') return 'unsupported';
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission !== 'granted') return 'denied';
  const registration = (await registerServiceWorker()) && (await navigator.serviceWorker.ready);
  if (!registration) return 'failed';
  try {
    const { publicKey } = await notificationsApi.vapidPublicKey();
    let subscription = await registration.pushManager.getSubscription();
    if (!subscription)
      subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: urlBase64ToUint8Array(publicKey),
      });
    await notificationsApi.subscribe(subscription.toJSON() as TPushSubscriptionRequest);
    return 'subscribed';
  } catch {
    return 'failed';
  }
}

/** Shows a system notification from the page (tab hidden, no push); same tag as the push one so they merge. */
export async function showLocalNotification(
  title: string,
  body: string,
  url: string,
  tag: string,
): Promise<void> {
  if (notificationPermission() !== 'granted') return;
  const registration = await navigator.serviceWorker?.getRegistration();
  if (registration) {
    await registration.showNotification(title, {
      body,
      tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-72.png',
      data: { url },
    });
    return;
  }
  const n = new Notification(title, { body, tag, icon: '/icons/icon-192.png' });
  n.onclick = () => {
    window.focus();
    window.location.assign(url);
  };
}
