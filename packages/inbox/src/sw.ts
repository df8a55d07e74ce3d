// Charla inbox service worker (built to /sw.js): Web Push notifications and opening the
// conversation on click. No offline caching: the inbox is live data, a stale copy would mislead.
import type { TPushPayload } from '@charla/protocol';

const sw = self as unknown as ServiceWorkerGlobalScope;

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));

function parsePayload(data: PushMessageData | null): TPushPayload | null {
  if (!data) return null;
  try {
    return data.json() as TPushPayload;
  } catch {
    return { kind: 'test', title: 'Charla', body: data.text(), conversationId: null, url: '/' };
  }
}

sw.addEventListener('push', (event) => {
  const payload = parsePayload(event.data);
  if (!payload) return;
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      // A focused inbox already showed an in-app notice for this event.
      if (payload.kind !== 'test' && windows.some((c) => c.visibilityState === 'visible' && c.focused))
        return;
      await sw.registration.showNotification(payload.title || 'Charla', {
        body: payload.body,
        tag: `${payload.kind}:${payload.conversationId ?? 'none'}`,
        icon: '/icons/icon-192.png',
        badge: '/icons/badge-72.png',
        data: { url: payload.url || '/' },
      });
    })(),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: string } | null;
  const target = new URL(data?.url ?? '/', sw.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const existing = windows.find((c) => new URL(c.url).origin === sw.location.origin);
      if (existing) {
        await existing.focus();
        await existing.navigate(target);
        return;
      }
      await sw.clients.openWindow(target);
    })(),
  );
});
