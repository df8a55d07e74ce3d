import { ZEmailNotificationsDto, ZUpdateEmailNotificationsRequest } from '@charla/protocol';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import type { Digests } from './digests';

/** Settings → Notifications → By email: my events for the digest of unanswered chats (R24). */
export function registerDigestRoutes(app: App, digests: Digests): void {
  const schema = { tags: ['notifications'], response: { 200: ZEmailNotificationsDto } };
  app.get(
    '/api/v1/me/email-notifications',
    {
      config: { auth: 'user' },
      schema: { ...schema, summary: 'The events that email me a digest when no device took the push' },
    },
    async (request) => digests.read(requireUser(request).id),
  );
  app.put(
    '/api/v1/me/email-notifications',
    {
      config: { auth: 'user' },
      schema: {
        ...schema,
        summary: 'Choose the events that email me a digest of unanswered chats',
        body: ZUpdateEmailNotificationsRequest,
      },
    },
    async (request) => digests.save(requireUser(request).id, request.body.events),
  );
}
