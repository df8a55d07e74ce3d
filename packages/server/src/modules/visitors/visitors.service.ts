import { createHash } from 'node:crypto';
import { toHttpUrlOrNull, type TVisitorContext, type TVisitorIdentity } from '@charla/protocol';
import type { Clock } from '../../lib/clock';
import { hashToken, newId, newSecretToken } from '../../lib/ids';
import { fromJsonColumn, toJsonColumn } from '../../lib/json';
import type { VisitorAuth } from '../../http/route-config';
import type { VisitorRow, VisitorsStore } from './visitors.store';

export type ContextInput = {
  pageUrl?: string | null | undefined;
  pageTitle?: string | null | undefined;
  referrer?: string | null | undefined;
  language?: string | null | undefined;
  timeZone?: string | null | undefined;
  userAgent?: string | null | undefined;
  identity?: IdentityInput | undefined;
};

/** What `Charla.identify()` (or the REST API) says about the visitor; absent fields stay as they were. */
export type IdentityInput = {
  name?: string | null | undefined;
  email?: string | null | undefined;
  verified?: boolean | undefined;
  userId?: string | null | undefined;
  attributes?: TVisitorIdentity['attributes'] | undefined;
  /** True when the email and attributes come from the company's server (REST), not from the browser. */
  fromServer?: boolean | undefined;
};

/**
 * The attributes after `input`, and which of them the company's server set. Attributes from the
 * browser never replace one the server set (the identity service refuses such a call first);
 * the server's replace anything and become verified.
 */
function mergeAttributes(previous: TVisitorIdentity | undefined, input: IdentityInput) {
  const verifiedBefore = previous?.verifiedAttributes ?? [];
  if (!input.attributes) return { attributes: previous?.attributes, verifiedAttributes: verifiedBefore };
  if (input.fromServer) {
    const keys = new Set([...verifiedBefore, ...Object.keys(input.attributes)]);
    return { attributes: { ...previous?.attributes, ...input.attributes }, verifiedAttributes: [...keys] };
  }
  const fromBrowser = Object.entries(input.attributes).filter(([key]) => !verifiedBefore.includes(key));
  return {
    attributes: { ...previous?.attributes, ...Object.fromEntries(fromBrowser) },
    verifiedAttributes: verifiedBefore,
  };
}

/**
 * Whether the email after `input` is the company server's: the server's own email is; an email the
 * browser passes stays verified only when it is the one the server set.
 */
function mergeEmailVerified(
  previous: TVisitorIdentity | undefined,
  input: IdentityInput,
  email: string | null,
) {
  if (email === null) return false;
  if (input.email !== undefined && input.fromServer) return true;
  return previous?.emailVerified === true && previous.email === email;
}

/** The stored identity with `input` over it: given attributes are merged over the stored ones. */
export function mergeIdentity(
  previous: TVisitorIdentity | undefined,
  input: IdentityInput,
): TVisitorIdentity {
  const { attributes, verifiedAttributes } = mergeAttributes(previous, input);
  const verified = input.verified ?? previous?.verified;
  const userId = input.userId !== undefined ? input.userId : previous?.userId;
  const email = input.email !== undefined ? input.email : (previous?.email ?? null);
  const emailVerified = mergeEmailVerified(previous, input, email);
  return {
    name: input.name !== undefined ? input.name : (previous?.name ?? null),
    email,
    ...(verified !== undefined ? { verified } : {}),
    ...(emailVerified ? { emailVerified } : {}),
    ...(userId !== undefined ? { userId } : {}),
    ...(attributes ? { attributes } : {}),
    ...(verifiedAttributes.length > 0 ? { verifiedAttributes } : {}),
  };
}

/** A stable, human-friendly number for "Visitor #1234", derived from the id. */
export function visitorNumberOf(id: string): number {
  return (createHash('sha256').update(id).digest().readUInt32BE(0) % 9000) + 1000;
}

/** Contexts stored before page URLs were checked may hold other schemes: they read as unknown. */
export function readVisitorContext(row: VisitorRow): TVisitorContext {
  const context = fromJsonColumn<TVisitorContext>(row.context, emptyContext(row.created_at));
  return {
    ...context,
    pageUrl: toHttpUrlOrNull(context.pageUrl),
    referrer: toHttpUrlOrNull(context.referrer),
    pagesSeen: context.pagesSeen.filter((page) => toHttpUrlOrNull(page.url) !== null),
  };
}

function emptyContext(now: number): TVisitorContext {
  return {
    pageUrl: null,
    pageTitle: null,
    referrer: null,
    userAgent: null,
    language: null,
    timeZone: null,
    firstSeenAt: now,
    pagesSeen: [],
  };
}

/** Visitors are identified by a server-issued token (256 bits); a token we did not issue is never accepted. */
export function createVisitorsService(deps: { store: VisitorsStore; clock: Clock }) {
  const { store, clock } = deps;
  return {
    /** Returns the visitor for a known token, or issues a new visitor and token. */
    async resume(
      token: string | undefined,
      userAgent: string | null,
    ): Promise<{ token: string; visitor: VisitorRow; created: boolean }> {
      if (token && token.length <= 200) {
        const existing = await store.findByTokenHash(hashToken(token));
        if (existing) return { token, visitor: existing, created: false };
      }
      const fresh = newSecretToken();
      const now = clock.now();
      const id = newId();
      const row: VisitorRow = {
        id,
        token_hash: hashToken(fresh),
        number: visitorNumberOf(id),
        created_at: now,
        last_seen_at: now,
        context: toJsonColumn({ ...emptyContext(now), userAgent: userAgent?.slice(0, 500) ?? null }),
        verified_user_id: null,
      };
      await store.insert(row);
      return { token: fresh, visitor: row, created: true };
    },
    async authenticate(token: string | undefined): Promise<VisitorAuth | null> {
      if (!token || token.length > 200) return null;
      const row = await store.findByTokenHash(hashToken(token));
      return row ? { id: row.id, number: row.number } : null;
    },
    /** Merges what the widget reports (page, referrer, language, …) into the stored context. */
    async recordContext(visitorId: string, input: ContextInput): Promise<TVisitorContext | null> {
      const row = await store.findById(visitorId);
      if (!row) return null;
      const now = clock.now();
      const context = readVisitorContext(row);
      // The protocol schemas already null out non-http(s) URLs; this keeps every other caller honest.
      const pageUrl = toHttpUrlOrNull(input.pageUrl);
      const referrer = toHttpUrlOrNull(input.referrer);
      const next: TVisitorContext = {
        ...context,
        pageUrl: pageUrl ?? context.pageUrl,
        pageTitle: input.pageTitle ?? context.pageTitle,
        referrer: context.referrer ?? referrer,
        language: input.language ?? context.language,
        timeZone: input.timeZone ?? context.timeZone,
        userAgent: input.userAgent?.slice(0, 500) ?? context.userAgent,
        ...(input.identity ? { identity: mergeIdentity(context.identity, input.identity) } : {}),
      };
      if (pageUrl && context.pagesSeen.at(-1)?.url !== pageUrl) {
        next.pagesSeen = [...context.pagesSeen, { url: pageUrl, at: now }].slice(-50);
      }
      await store.updateContext(visitorId, toJsonColumn(next), now);
      return next;
    },
    findById: (id: string) => store.findById(id),
    findManyByIds: (ids: string[]) => store.findManyByIds(ids),
  };
}
export type VisitorsService = ReturnType<typeof createVisitorsService>;
