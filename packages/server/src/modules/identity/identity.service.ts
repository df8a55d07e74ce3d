import type {
  TIdentifyRequest,
  TIdentifyResponse,
  TPutVerifiedIdentityRequest,
  TVerifiedIdentityDto,
  TVisitorConversationDto,
  TVisitorIdentity,
} from '@charla/protocol';
import type { VisitorAuth } from '../../http/route-config';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { DomainEvents } from '../../lib/domain-events';
import { hashToken, newSecretToken } from '../../lib/ids';
import {
  readVisitorContext,
  type IdentityInput,
  type VisitorLinksStore,
  type VisitorRow,
  type VisitorsService,
} from '../visitors/index';
import { decideBinding, decideSignature, type BindingDecision, type BindingFacts } from './decide-identify';
import type { IdentitySettings } from './identity-settings';

export type IdentityDeps = {
  store: VisitorLinksStore;
  settings: IdentitySettings;
  visitors: VisitorsService;
  conversations: {
    identifyVisitor(visitorId: string, identity: IdentityInput): Promise<void>;
    listForVisitor(visitorId: string): Promise<TVisitorConversationDto[]>;
  };
  events: DomainEvents;
  clock: Clock;
};

function identityOf(row: VisitorRow): TVisitorIdentity | undefined {
  return readVisitorContext(row).identity;
}

function toVerifiedDto(row: VisitorRow): TVerifiedIdentityDto {
  const identity = identityOf(row);
  return {
    userId: row.verified_user_id ?? '',
    visitorId: row.id,
    name: identity?.name ?? null,
    email: identity?.email ?? null,
    attributes: identity?.attributes ?? {},
    unverifiedAttributes: unverifiedKeys(identity),
    emailVerified: identity?.emailVerified === true,
  };
}

/** The attribute keys the browser set: the signature covers the userId only. */
export function unverifiedKeys(identity: TVisitorIdentity | undefined): string[] {
  const verified = identity?.verifiedAttributes ?? [];
  return Object.keys(identity?.attributes ?? {}).filter((key) => !verified.includes(key));
}

/** The conversation a device shows: the newest one still open, else the newest (read-only when closed, R20). */
function conversationToShow(list: TVisitorConversationDto[]): string | null {
  return (list.find((c) => c.status !== 'closed') ?? list[0])?.id ?? null;
}

async function requireVisitorRow(deps: IdentityDeps, id: string): Promise<VisitorRow> {
  const row = await deps.visitors.findById(id);
  if (!row) throw new AppError('VISITOR_TOKEN_INVALID');
  return row;
}

/** Writes the identity, then tells webhooks when a binding is new or what they know changed. */
async function writeIdentity(deps: IdentityDeps, visitorId: string, input: IdentityInput, isNew: boolean) {
  const before = toVerifiedDto(await requireVisitorRow(deps, visitorId));
  await deps.conversations.identifyVisitor(visitorId, input);
  const after = toVerifiedDto(await requireVisitorRow(deps, visitorId));
  if (isNew || JSON.stringify(before) !== JSON.stringify(after))
    deps.events.emit('visitor.identified', { identity: after });
}

function boundFacts(bound: VisitorRow): NonNullable<BindingFacts['bound']> {
  const identity = identityOf(bound);
  const verified = identity?.verifiedAttributes ?? [];
  const attributes = Object.entries(identity?.attributes ?? {}).filter(([key]) => verified.includes(key));
  return {
    visitorId: bound.id,
    email: identity?.email ?? null,
    serverAttributes: Object.fromEntries(attributes),
  };
}

async function decide(
  deps: IdentityDeps,
  visitor: VisitorAuth,
  input: TIdentifyRequest,
): Promise<BindingDecision & { bound: VisitorRow | null }> {
  const signature = decideSignature(await deps.settings.load(), input, deps.clock.now());
  const current = await requireVisitorRow(deps, visitor.id);
  const bound = signature.kind === 'verified' ? await deps.store.findByUserId(signature.userId) : null;
  const decision = decideBinding(
    signature,
    {
      currentVisitorId: current.id,
      currentUserId: current.verified_user_id,
      bound: bound ? boundFacts(bound) : null,
    },
    input,
  );
  return { ...decision, bound };
}

/**
 * `Charla.identify()` (issue 24): checks the signature, then writes the identity to the visitor it
 * names. Anything refused throws its code before a single row changes (R28).
 */
async function identify(
  deps: IdentityDeps,
  visitor: VisitorAuth,
  input: TIdentifyRequest,
  userAgent: string | null,
  attempt = 0,
): Promise<TIdentifyResponse> {
  const decision = await decide(deps, visitor, input);
  const { name, email, attributes } = input;
  if (decision.kind === 'refuse') throw new AppError(decision.code);
  if (decision.kind === 'unverified') {
    await deps.conversations.identifyVisitor(visitor.id, { name, email, attributes, verified: false });
    return { verified: false, visitorToken: null, visitorId: visitor.id, conversationId: null };
  }
  let targetId = decision.target === 'bound' ? (decision.bound as VisitorRow).id : visitor.id;
  let visitorToken: string | null = null;
  if (decision.target === 'new') {
    const fresh = await deps.visitors.resume(undefined, userAgent);
    targetId = fresh.visitor.id;
    visitorToken = fresh.token;
  }
  if (decision.bind && !(await deps.store.bind(targetId, decision.userId))) {
    // Another device bound this userId first: decide again with its visitor.
    if (attempt < 2) return identify(deps, visitor, input, userAgent, attempt + 1);
    throw new AppError('CONFLICT');
  }
  if (decision.target === 'bound') {
    visitorToken = newSecretToken();
    await deps.store.addVisitorToken(hashToken(visitorToken), targetId, deps.clock.now());
  }
  const identity = { name, email, attributes, verified: true, userId: decision.userId };
  await writeIdentity(deps, targetId, identity, decision.bind);
  const conversationId = conversationToShow(await deps.conversations.listForVisitor(targetId));
  return { verified: true, visitorToken, visitorId: targetId, conversationId };
}

/** Signed identity: `identify()` from the widget, and the verified users over REST. */
export function createIdentityService(deps: IdentityDeps) {
  async function getVerified(userId: string): Promise<VisitorRow> {
    const row = await deps.store.findByUserId(userId);
    if (!row) throw new AppError('IDENTITY_NOT_FOUND');
    return row;
  }
  return {
    identify: (visitor: VisitorAuth, input: TIdentifyRequest, userAgent: string | null) =>
      identify(deps, visitor, input, userAgent),
    async getVerified(userId: string): Promise<TVerifiedIdentityDto> {
      return toVerifiedDto(await getVerified(userId));
    },
    /** The company's server changes a verified user's name, email or attributes (the browser cannot change the email). */
    async putVerified(userId: string, input: TPutVerifiedIdentityRequest): Promise<TVerifiedIdentityDto> {
      const row = await getVerified(userId);
      const identity = { ...input, verified: true, userId, fromServer: true };
      await writeIdentity(deps, row.id, identity, false);
      return toVerifiedDto(await requireVisitorRow(deps, row.id));
    },
    /**
     * The verified users a CRM person is (issue 24): met in their conversations, with one of their
     * emails as the company's server set it (an email only the browser passed proves nothing).
     */
    async verifiedOfPerson(personId: string): Promise<TVerifiedIdentityDto[]> {
      const { visitors, emails } = await deps.store.verifiedVisitorsOfPerson(personId);
      return visitors
        .map(toVerifiedDto)
        .filter((dto) => dto.emailVerified && dto.email !== null && emails.includes(dto.email))
        .sort((a, b) => a.userId.localeCompare(b.userId));
    },
    /** `Charla.reset()`: the token this browser was given for a verified user's visitor stops working. */
    async forgetDeviceToken(token: string): Promise<void> {
      await deps.store.deleteVisitorToken(hashToken(token));
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
