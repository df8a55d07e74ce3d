import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
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

type S3Sdk = typeof import('@aws-sdk/client-s3');

/**
 * The SDK and its client, loaded on the first file operation: the SDK costs about 20 MB of memory
 * at import, which a process that never touches a file should not pay at start (issue 25, idle RSS).
 */
function lazyClient(config: S3StorageConfig) {
  let loading: Promise<{ sdk: S3Sdk; s3: InstanceType<S3Sdk['S3Client']> }> | null = null;
  return () =>
    (loading ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: config.region,
        ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
      }),
    })));
}

/**
 * Blobs as objects of one bucket, for several processes behind one address. Credentials come from
 * the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a role, …). Uploads stream
 * from the local temporary file; downloads stream the object's body.
 */
export function createS3Storage(config: S3StorageConfig): FileStorage {
  const client = lazyClient(config);
  const objectKey = (key: string) => {
    assertKey(key);
    return `${config.prefix}${key}`;
  };
  const Bucket = config.bucket;
  return {
    async putFile(key, path, size) {
      const { sdk, s3 } = await client();
      const Body = createReadStream(path);
      await s3.send(new sdk.PutObjectCommand({ Bucket, Key: objectKey(key), Body, ContentLength: size }));
    },
    async open(key) {
      const { sdk, s3 } = await client();
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket, Key: objectKey(key) }));
        return (object.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async has(key) {
      const { sdk, s3 } = await client();
      try {
        await s3.send(new sdk.HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (missing(error)) return false;
        throw error;
      }
    },
    async remove(key) {
      const { sdk, s3 } = await client();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
