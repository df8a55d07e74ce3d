import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type TWidgetAsset = { body: Buffer; etag: string; encoding: 'br' | 'gzip' | null };

/** The built files the widget routes may serve: the loader, the frame page and its hashed assets. */
export const WIDGET_FILE = /^(widget\.js|frame\.html|frame\.[A-Z0-9]{8}\.(?:js|css))$/;

/**
 * Reads a built widget file, preferring the precompressed copy (.br, then .gz) the client accepts.
 * Kept in memory per file and revalidated by mtime, so a rebuild is picked up without a restart.
 */
export function createWidgetAssets(distDir: string) {
  const cache = new Map<string, { mtimeMs: number; asset: TWidgetAsset }>();

  async function load(path: string, encoding: TWidgetAsset['encoding']): Promise<TWidgetAsset | null> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(path)).mtimeMs;
    } catch {
      return null;
    }
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.asset;
    const body = await readFile(path);
    const asset = {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      encoding,
    };
    cache.set(path, { mtimeMs, asset });
    return asset;
  }

  return {
    async find(file: string, acceptEncoding: string | undefined): Promise<TWidgetAsset | null> {
      if (!WIDGET_FILE.test(file)) return null;
      const path = join(distDir, file);
      const accepts = (acceptEncoding ?? '').toLowerCase();
      if (accepts.includes('br')) {
        const br = await load(`${path}.br`, 'br');
        if (br) return br;
      }
      if (accepts.includes('gzip')) {
        const gz = await load(`${path}.gz`, 'gzip');
        if (gz) return gz;
      }
      return load(path, null);
    },
  };
}
export type TWidgetAssets = ReturnType<typeof createWidgetAssets>;
