import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { assertKey, type FileStorage } from './file-storage';

/**
 * Blobs as files under `root/ab/cd/<sha256>`. A blob is copied to a temporary name beside its
 * place and renamed, so a reader never sees half a file and two writers of one key agree.
 */
export function createLocalDiskStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    assertKey(key);
    return join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async putFile(key, source) {
      const target = pathOf(key);
      const folder = join(target, '..');
      await mkdir(folder, { recursive: true });
      const temporary = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await copyFile(source, temporary);
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
    },
    async open(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    async has(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
