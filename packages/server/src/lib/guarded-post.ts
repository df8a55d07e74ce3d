import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolvePublicTarget, type ResolvedAddress, type Resolver } from './ssrf-guard';

export type GuardedRequestOptions = {
  method: 'GET' | 'POST';
  headers: Record<string, string | number>;
  /** Sent with POST only. */
  body?: string | Buffer;
  /** Covers everything: resolving the host, connecting, sending and reading the answer. */
  timeoutMs: number;
  allowPrivate: boolean;
  /** The answer is read up to this many bytes; the rest is never read (`truncated`). */
  maxResponseBytes: number;
  resolve?: Resolver;
};

export type GuardedPostOptions = Omit<GuardedRequestOptions, 'method' | 'maxResponseBytes' | 'body'> & {
  body: string | Buffer;
};

export type GuardedResponse = { status: number; body: string; truncated: boolean };
export type GuardedPostResponse = { status: number; body: string };

const WEBHOOK_RESPONSE_BYTES = 4096;

/** A promise that rejects with a TimeoutError when `signal` fires (for the DNS step). */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

/**
 * Sends a request after the SSRF guard, connecting only to the addresses the guard vetted (no
 * second DNS lookup, so no rebinding), never following redirects (a 3xx is an answer like any
 * other), within one total deadline, reading at most `maxResponseBytes` of the answer. Rejects on
 * refusal (ForbiddenTargetError), network error or timeout; any HTTP status resolves.
 */
export async function requestGuarded(
  target: string,
  options: GuardedRequestOptions,
): Promise<GuardedResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const resolved = resolvePublicTarget(target, {
    allowPrivate: options.allowPrivate,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const { url, addresses } = await Promise.race([resolved, rejectOnAbort(signal)]);
  const client = url.protocol === 'https:' ? https : http;
  const body = options.method === 'POST' ? (options.body ?? '') : null;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method,
        headers: {
          ...options.headers,
          ...(body === null ? {} : { 'content-length': Buffer.byteLength(body) }),
        },
        lookup: pinnedLookup(addresses),
        agent: false,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = (truncated: boolean) => {
          const text = Buffer.concat(chunks).subarray(0, options.maxResponseBytes).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text, truncated });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough read: stop the download instead of draining a huge (or endless) answer.
          if (size > options.maxResponseBytes) {
            finish(true);
            response.destroy();
          }
        });
        response.on('end', () => finish(false));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body ?? undefined);
  });
}

/** POSTs a webhook or push message through `requestGuarded`; only the first 4 KB of the answer are kept. */
export async function postGuarded(target: string, options: GuardedPostOptions): Promise<GuardedPostResponse> {
  const response = await requestGuarded(target, {
    ...options,
    method: 'POST',
    maxResponseBytes: WEBHOOK_RESPONSE_BYTES,
  });
  return { status: response.status, body: response.body.slice(0, WEBHOOK_RESPONSE_BYTES) };
}

function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0] as ResolvedAddress;
    if ((options as { all?: boolean }).all)
      (callback as (err: null, list: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, first.address, first.family);
  };
}
