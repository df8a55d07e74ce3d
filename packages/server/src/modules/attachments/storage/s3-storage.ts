import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertKey, type FileStorage } from './file-storage';

export type S3StorageConfig = {
  bucket: string;
  /** A custom endpoint for S3-compatible services (MinIO, R2, …); null for AWS itself. */
  endpoint: string | null;
  region: string;
  /** Prefix of every object name, e.g. `charla/`. */
  prefix: string;
};

const missing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Blobs as objects of one bucket, for several processes behind one address. Credentials come from
 * the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a role, …). Uploads stream
 * from the local temporary file; downloads stream the object's body.
 */
export function createS3Storage(config: S3StorageConfig, client?: S3Client): FileStorage {
  const s3 =
    client ??
    new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    });
  const objectKey = (key: string) => {
    assertKey(key);
    return `${config.prefix}${key}`;
  };
  const Bucket = config.bucket;
  return {
    async putFile(key, path, size) {
      const Body = createReadStream(path);
      await s3.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body, ContentLength: size }));
    },
    async open(key) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        return (object.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async has(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (missing(error)) return false;
        throw error;
      }
    },
    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
