import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../http/app-type';
import type { Services } from '../../services';
import { renderDemoPage } from './demo-page';
import { frameCsp } from './frame-csp';
import { createWidgetAssets, type TWidgetAsset } from './widget-assets';

const CACHE = {
  // The snippet's URL never changes, so the loader must stay fresh: a short max-age, revalidated by ETag.
  loader: 'public, max-age=300, stale-while-revalidate=86400',
  page: 'no-cache',
  hashed: 'public, max-age=31536000, immutable',
};

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Serves the built widget (/widget.js, /widget/frame.html and its hashed assets) and the /demo website. */
export function registerWidgetRoutes(app: App, services: Services, options: { distDir: string }): void {
  const assets = createWidgetAssets(options.distDir);

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    file: string,
    cacheControl: string,
  ): Promise<FastifyReply> {
    const asset: TWidgetAsset | null = await assets.find(file, request.headers['accept-encoding']);
    if (!asset)
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No widget file ${file}` } });
    void reply
      .header('Content-Type', TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream')
      .header('Cache-Control', cacheControl)
      .header('ETag', asset.etag)
      .header('Vary', 'Accept-Encoding')
      .header('X-Content-Type-Options', 'nosniff')
      // Company pages load the loader cross-origin, some of them with COEP.
      .header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    if (asset.encoding) void reply.header('Content-Encoding', asset.encoding);
    return reply.send(asset.body);
  }

  app.get('/widget.js', { schema: { hide: true } }, (request, reply) =>
    send(request, reply, 'widget.js', CACHE.loader),
  );

  app.get('/widget/frame.html', { schema: { hide: true } }, (request, reply) => {
    void reply.header('Content-Security-Policy', frameCsp(request.headers.host));
    return send(request, reply, 'frame.html', CACHE.page);
  });

  app.get(
    '/widget/:file',
    { schema: { hide: true, params: z.object({ file: z.string().max(64) }) } },
    (request, reply) => send(request, reply, request.params.file, CACHE.hashed),
  );

  app.get(
    '/demo',
    {
      schema: {
        hide: true,
        querystring: z.object({
          playbook: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,64}$/)
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const publicId = request.query.playbook ?? (await firstActivePlaybook(services));
      // The snippet points at PUBLIC_URL, as the inbox shows it to admins. Open the demo from another
      // origin (e.g. 127.0.0.1 when PUBLIC_URL says localhost) and it counts as a real install (R8).
      const charla = new URL(services.config.publicUrl).origin;
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .header(
          'Content-Security-Policy',
          `default-src 'self' ${charla}; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'`,
        )
        .send(renderDemoPage(charla, publicId));
    },
  );
}

async function firstActivePlaybook(services: Services): Promise<string | null> {
  const playbooks = await services.playbooks.list();
  return playbooks.find((playbook) => playbook.status === 'active')?.publicId ?? null;
}
