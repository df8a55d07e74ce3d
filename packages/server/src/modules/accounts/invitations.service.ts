import type {
  TInvitationDto,
  TInvitationPreviewDto,
  TInvitationSentDto,
  TLanguage,
  TRole,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { hashToken, newId, newSecretToken } from '../../lib/ids';
import { type AuthService, type AuthUser, createUserRow } from '../auth/index';
import type { MailService } from '../mail/index';
import type { UsersStore } from '../users/index';
import type { AccountTokenRow, AccountTokensStore } from './account-tokens.store';
import { checkToken } from './check-token';

export const INVITATION_TTL_DAYS = 7;
const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 3600_000;

export type InvitationsDeps = {
  tokens: AccountTokensStore;
  users: UsersStore;
  auth: AuthService;
  mail: MailService;
  clock: Clock;
  publicUrl: string;
};

function toDto(row: AccountTokenRow, now: number, inviterName: string | null): TInvitationDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name ?? '',
    role: row.role ?? 'regular',
    language: row.language,
    status: row.expires_at <= now ? 'expired' : 'pending',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    invitedBy: inviterName,
  };
}

type InviteInput = { email: string; name: string; role: TRole; language: TLanguage };

/** The stored invitation: its link expires after INVITATION_TTL_DAYS. */
function invitationRow(input: InviteInput, adminId: string, tokenHash: string, now: number): AccountTokenRow {
  return {
    id: newId(),
    kind: 'invitation',
    token_hash: tokenHash,
    email: input.email,
    user_id: null,
    name: input.name,
    role: input.role,
    language: input.language,
    created_by: adminId,
    created_at: now,
    expires_at: now + INVITATION_TTL_MS,
    used_at: null,
    revoked_at: null,
  };
}

/** Invite by email (R2: admins only): a one-time, expiring link where the invitee sets their password. */
export function createInvitationsService(deps: InvitationsDeps) {
  const { tokens, users, clock } = deps;
  const linkFor = (token: string) => `${deps.publicUrl}/invite?token=${token}`;

  async function send(row: AccountTokenRow, token: string, admin: AuthUser): Promise<TInvitationSentDto> {
    const url = linkFor(token);
    const queued = await deps.mail.enqueue('invitation', {
      to: row.email,
      language: row.language,
      params: { inviterName: admin.name, url, expiresInDays: INVITATION_TTL_DAYS },
      sensitive: true,
    });
    return {
      invitation: toDto(row, clock.now(), admin.name),
      mail: queued.status,
      // Without SMTP the admin passes the link on; with it, the link lives only in the mail.
      inviteUrl: queued.status === 'skipped' ? url : null,
    };
  }

  async function inviterName(id: string | null): Promise<string | null> {
    return id ? ((await users.findById(id))?.name ?? null) : null;
  }

  return {
    async invite(input: InviteInput, admin: AuthUser): Promise<TInvitationSentDto> {
      if (await users.findByEmail(input.email)) throw new AppError('EMAIL_TAKEN');
      const now = clock.now();
      // One open invitation per address: a new one replaces the old link.
      await tokens.revokeOpen('invitation', input.email, now);
      const token = newSecretToken();
      const row = invitationRow(input, admin.id, hashToken(token), now);
      await tokens.insert(row);
      return send(row, token, admin);
    },

    async list(): Promise<TInvitationDto[]> {
      const now = clock.now();
      const rows = await tokens.listOpenInvitations();
      return Promise.all(rows.map(async (r) => toDto(r, now, await inviterName(r.created_by))));
    },

    /** A new link with a fresh expiry; the previous link stops working. */
    async resend(id: string, admin: AuthUser): Promise<TInvitationSentDto> {
      const row = await tokens.findInvitation(id);
      if (!row || row.used_at !== null || row.revoked_at !== null) throw new AppError('INVITATION_INVALID');
      const token = newSecretToken();
      const expiresAt = clock.now() + INVITATION_TTL_MS;
      await tokens.rotate(id, hashToken(token), expiresAt);
      return send({ ...row, token_hash: hashToken(token), expires_at: expiresAt }, token, admin);
    },

    async revoke(id: string): Promise<void> {
      if (!(await tokens.revoke(id, clock.now()))) throw new AppError('INVITATION_INVALID');
    },

    async preview(token: string, companyName: string): Promise<TInvitationPreviewDto> {
      const checked = checkToken(await tokens.findByHash(hashToken(token)), 'invitation', clock.now());
      if (!checked.ok) throw new AppError(checked.code);
      const { row } = checked;
      return { email: row.email, name: row.name ?? '', companyName, expiresAt: row.expires_at };
    },

    /** Creates the account with the invitee's own password and signs them in. */
    async accept(
      input: { token: string; name?: string; password: string },
      meta: { userAgent: string; ip: string },
    ) {
      const now = clock.now();
      const checked = checkToken(await tokens.findByHash(hashToken(input.token)), 'invitation', now);
      if (!checked.ok) throw new AppError(checked.code);
      const { row } = checked;
      // The unique email makes a double accept fail on the second; consume() then marks it used.
      const user = await createUserRow(users, clock, {
        email: row.email,
        name: input.name ?? row.name ?? row.email,
        role: row.role ?? 'regular',
        password: input.password,
        language: row.language,
      });
      await tokens.consume(row.id, now);
      return { user, ...(await deps.auth.startSession(user, meta)) };
    },
  };
}
export type InvitationsService = ReturnType<typeof createInvitationsService>;
