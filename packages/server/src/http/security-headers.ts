import type { FastifyInstance } from 'fastify';

/**
 * Headers every response carries. The inbox must never be framed (clickjacking); the widget's
 * frame is meant to be framed by customers' sites and the demo page embeds it, so those keep
 * their own policy.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    const framable = request.url.startsWith('/widget') || request.url.startsWith('/demo');
    if (!framable && !reply.hasHeader('x-frame-options')) {
      void reply.header('x-frame-options', 'DENY');
      if (!reply.hasHeader('content-security-policy'))
        void reply.header('content-security-policy', "frame-ancestors 'none'");
    }
    return payload;
  });
}
