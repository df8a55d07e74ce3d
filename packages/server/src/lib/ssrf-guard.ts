import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from './is-private-address';

export type ResolvedAddress = { address: string; family: number };
export type ResolvedTarget = { url: URL; addresses: ResolvedAddress[] };
export type ForbiddenReason = 'scheme' | 'private' | 'unresolvable';

/** Why a server-side request to a URL was refused (SSRF guard). */
export class ForbiddenTargetError extends Error {
  readonly reason: ForbiddenReason;
  constructor(reason: ForbiddenReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Resolves the URL's host (every address) and refuses it when any address is loopback, private,
 * link-local, CGNAT, multicast or reserved — unless `allowPrivate`. The caller must connect to the
 * returned addresses only (see guarded-post), so a DNS answer that changes later cannot bypass it.
 */
export async function resolvePublicTarget(
  target: string | URL,
  options: { allowPrivate: boolean; resolve?: Resolver },
): Promise<ResolvedTarget> {
  const url = typeof target === 'string' ? new URL(target) : target;
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ForbiddenTargetError('scheme', `Scheme ${url.protocol} is not allowed`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      throw new ForbiddenTargetError('unresolvable', `Host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new ForbiddenTargetError('unresolvable', `Host ${host} does not resolve`);
  if (!options.allowPrivate) {
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) throw new ForbiddenTargetError('private', `Host ${host} resolves to a non-public address`);
  }
  return { url, addresses };
}
