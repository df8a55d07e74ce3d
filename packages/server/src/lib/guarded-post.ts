import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolvePublicTarget, type ResolvedAddress, type Resolver } from './ssrf-guard';

export type GuardedPostOptions = {
  headers: Record<string, string | number>;
  body: string | Buffer;
  timeoutMs: number;
  allowPrivate: boolean;
  resolve?: Resolver;
};

export type GuardedPostResponse = { status: number; body: string };

const MAX_RESPONSE_BYTES = 4096;

/**
 * POSTs to a URL after the SSRF guard, connecting only to the addresses the guard vetted (no
 * second DNS lookup, so no rebinding), never following redirects, with a total deadline.
 * Rejects on refusal, network error or timeout; any HTTP status resolves.
 */
export async function postGuarded(target: string, options: GuardedPostOptions): Promise<GuardedPostResponse> {
  const { url, addresses } = await resolvePublicTarget(target, {
    allowPrivate: options.allowPrivate,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': Buffer.byteLength(options.body) },
        lookup: pinnedLookup(addresses),
        agent: false,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BYTES),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0] as ResolvedAddress;
    if ((options as { all?: boolean }).all)
      (callback as (err: null, list: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, first.address, first.family);
  };
}
