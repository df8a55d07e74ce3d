/**
 * Content-Security-Policy of the chat frame: only our own script and styles (no inline script),
 * sockets and fetches to ourselves, images over https (rich text) or from localhost in development,
 * and `blob:` for the previews of the visitor's own picked files (object URLs this frame made).
 * Any site may frame it: that is what it is for.
 */
export function frameCsp(host: string | undefined): string {
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data: blob: http://localhost:* http://127.0.0.1:*",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
