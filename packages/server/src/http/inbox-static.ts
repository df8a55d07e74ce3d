import fastifyStatic from '@fastify/static';
import type { App } from './app-type';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * How long a browser may keep a file of the inbox build: the files under `assets/` carry a hash
 * of their content in their name, so a new build has new names and they are kept for a year
 * without asking again; everything else (index.html, the service worker, the manifest, icons)
 * is checked with the server on every use, so a deploy is seen at once.
 */
export function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.\w+(\.(br|gz))?$/.test(path)
    ? `public, max-age=${YEAR_SECONDS}, immutable`
    : 'no-cache';
}

/**
 * Serves the inbox build at /: the Brotli or gzip copy written at build time when the browser
 * accepts it (`Vary: Accept-Encoding`), with the caching `cacheControlFor` decides.
 */
export async function registerInboxStatic(app: App, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path)),
  });
}
