import {
  findInvalidCannedVariables,
  type TCannedFileDto,
  type TCannedResponseDto,
  type TCannedVariablesDto,
  type TCreateCannedResponseRequest,
  type TUpdateCannedResponseRequest,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import type { AuthUser } from '../auth/index';
import type { ConversationAccess } from '../conversations/index';
import { canEditCannedResponse, canUseCannedResponse } from './canned-access';
import type {
  CannedResponseListRow,
  CannedResponseRow,
  CannedResponsesStore,
} from './canned-responses.store';

/** The files of canned responses, kept by the attachments module with every other file. */
export type CannedFileLists = { listOf(cannedIds: string[]): Promise<Map<string, TCannedFileDto[]>> };

export type CannedResponsesDeps = {
  store: CannedResponsesStore;
  conversations: ConversationAccess;
  files: CannedFileLists;
  clock: Clock;
};

// Playbook variable keys (ZVariableKey's rule); captured `visitor.<attribute>` keys are not offered.
const PLAYBOOK_KEY = /^[a-z][a-z0-9_]{0,39}$/;

function toDto(row: CannedResponseListRow, viewer: AuthUser, files: TCannedFileDto[]): TCannedResponseDto {
  return {
    id: row.id,
    scope: row.scope,
    title: row.title,
    shortcut: row.shortcut,
    body: row.body,
    usageCount: row.usage_count,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
    canEdit: canEditCannedResponse(row, viewer),
    files,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function assertVariables(body: string | undefined): void {
  if (body === undefined) return;
  const invalid = findInvalidCannedVariables(body);
  if (invalid.length > 0) throw new AppError('CANNED_VARIABLE_INVALID', { details: { variables: invalid } });
}

/** Personal and team canned responses (issue 16 item 1); who may do what is in canned-access.ts. */
export function createCannedResponsesService(deps: CannedResponsesDeps) {
  const { store, conversations, files, clock } = deps;

  /** The response if `user` may use it; otherwise the same 404 as an unknown id (its files ask too). */
  async function getUsable(id: string, user: AuthUser): Promise<CannedResponseListRow> {
    const row = await store.findById(id);
    if (!row || !canUseCannedResponse(row, user)) throw new AppError('CANNED_RESPONSE_NOT_FOUND');
    return row;
  }

  async function getEditable(id: string, user: AuthUser): Promise<CannedResponseListRow> {
    const row = await getUsable(id, user);
    if (!canEditCannedResponse(row, user)) throw new AppError('FORBIDDEN');
    return row;
  }

  return {
    getUsable,
    getEditable,

    async list(user: AuthUser): Promise<TCannedResponseDto[]> {
      const rows = await store.listFor(user.id);
      const filesOf = await files.listOf(rows.map((row) => row.id));
      return rows.map((row) => toDto(row, user, filesOf.get(row.id) ?? []));
    },

    async create(input: TCreateCannedResponseRequest, user: AuthUser): Promise<TCannedResponseDto> {
      if (input.scope === 'team' && user.role !== 'admin') throw new AppError('FORBIDDEN');
      assertVariables(input.body);
      const now = clock.now();
      const row: CannedResponseRow = {
        id: newId(),
        scope: input.scope,
        owner_id: input.scope === 'personal' ? user.id : null,
        scope_key: input.scope === 'personal' ? user.id : 'team',
        title: input.title,
        shortcut: input.shortcut,
        body: input.body,
        usage_count: 0,
        created_at: now,
        updated_at: now,
      };
      if (!(await store.insert(row))) throw new AppError('CANNED_SHORTCUT_TAKEN');
      return toDto({ ...row, owner_name: input.scope === 'personal' ? user.name : null }, user, []);
    },

    async update(
      id: string,
      patch: TUpdateCannedResponseRequest,
      user: AuthUser,
    ): Promise<TCannedResponseDto> {
      const row = await getEditable(id, user);
      assertVariables(patch.body);
      if (!(await store.update(row, { ...patch, updated_at: clock.now() })))
        throw new AppError('CANNED_SHORTCUT_TAKEN');
      const filesOf = await files.listOf([id]);
      return toDto((await store.findById(id)) ?? row, user, filesOf.get(id) ?? []);
    },

    async remove(id: string, user: AuthUser): Promise<void> {
      await getEditable(id, user);
      await store.delete(id);
    },

    /** Counts one message sent with the response inserted (the composer calls it after sending). */
    async countUse(id: string, user: AuthUser): Promise<void> {
      await getUsable(id, user);
      await store.countUse(id);
    },

    /** The variables' values in one conversation for `user`; R14 holds through getForUser. */
    async variables(conversationId: string, user: AuthUser): Promise<TCannedVariablesDto> {
      const facts = await conversations.getForUser(conversationId, user);
      const shown = await facts.shownIdentity();
      const captured = Object.entries(facts.capturedVars).filter(([key]) => PLAYBOOK_KEY.test(key));
      return {
        values: {
          ...Object.fromEntries(captured),
          'visitor.name': shown.name ?? '',
          'visitor.email': shown.email ?? '',
          'user.name': user.name,
        },
      };
    },
  };
}
export type CannedResponsesService = ReturnType<typeof createCannedResponsesService>;
