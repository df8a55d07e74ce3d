import { ZWidgetConfigDto, ZWidgetConfigQuery } from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import type { Services } from '../../services';

const tags = ['playbooks'];

/**
 * The widget loader's config request, called cross-origin from the company's pages. It is a
 * simple GET (no credentials, no custom headers), so no preflight: the allowed origin is echoed.
 */
export function registerWidgetConfigRoutes(app: App, services: Services): void {
  const { playbooks } = services;

  app.get(
    '/api/v1/widget/config/:publicId',
    {
      config: { auth: 'public', errors: ['PLAYBOOK_NOT_FOUND', 'ORIGIN_NOT_ALLOWED'] },
      schema: {
        tags,
        summary:
          'Published appearance of an active playbook for the widget; records where it is installed (R8)',
        params: z.strictObject({ publicId: z.string().min(1).max(64) }),
        querystring: ZWidgetConfigQuery,
        response: { 200: ZWidgetConfigDto },
      },
      onSend: async (request, reply, payload) => {
        void reply.header('Vary', 'Origin').header('Cache-Control', 'no-store');
        // A refused origin gets no CORS header, so its page cannot read the answer.
        const origin = request.headers.origin;
        if (origin && reply.statusCode !== 403) void reply.header('Access-Control-Allow-Origin', origin);
        return payload;
      },
    },
    async (request) => ({
      ...(await playbooks.widgetConfig(request.params.publicId, {
        origin: request.headers.origin,
        pageUrl: request.query.pageUrl,
      })),
      privacyUrl: (await services.privacy.settings()).privacyUrl,
    }),
  );
}
