import {
  acceptsBotAnswer,
  type TLabelChip,
  type TConversationDto,
  type TMessageDto,
  type TVisitorConversationDto,
} from '@charla/protocol';
import type { SharedCaches } from '../../lib/shared-caches';
import type { UsersStore } from '../users/index';
import type { VisitorsService } from '../visitors/index';
import { createLookupCaches, type PlaybookNames, type TeamNames } from './conversation-lookup-caches';
import {
  lifecycleOf,
  toConversationDto,
  toMessageDto,
  toVisitorConversationDto,
  type DtoLookups,
} from './conversation-dto';
import type { ConversationRow, MessageRow } from './conversations.store';
import { rememberedByRevision, sameRevisions, type Revisions } from './conversation-revisions';
import { isBotAwaitingInput, isBotWorking, readStoredRun } from './stored-run';

/** The conversation changed under a prepared DTO builder (another assignee): retry the change. */
export class StaleLookups extends Error {}

export type { PlaybookNames, TeamNames } from './conversation-lookup-caches';

/** The users a private note mentioned, per conversation (R29). */
export type ConversationReaders = (conversationIds: string[]) => Promise<Map<string, string[]>>;
/** Who each conversation is with (modules/search keeps it in step with every source). */
export type ConversationIdentities = (
  conversationIds: string[],
) => Promise<Map<string, { name: string | null; email: string | null }>>;

/** The labels each conversation carries (modules/labels). */
export type ConversationLabels = (conversationIds: string[]) => Promise<Map<string, TLabelChip[]>>;

/** What the visitor's widget knows of their conversation: never the assignee before they take it. */
async function visitorView(
  row: ConversationRow,
  userById: (id: string) => Promise<{ name: string; avatarUrl: string | null } | null>,
): Promise<TVisitorConversationDto> {
  const assignee = row.assignee_id && row.status !== 'waiting' ? await userById(row.assignee_id) : null;
  const dto = toVisitorConversationDto(
    row,
    assignee ? { name: assignee.name, avatarUrl: assignee.avatarUrl } : null,
  );
  return {
    ...dto,
    // What the widget offers must be what the server takes: never a question on a closed chat.
    botAwaitingInput: acceptsBotAnswer(lifecycleOf(row), isBotAwaitingInput(row.run_state)),
    botWorking: row.status === 'bot' && isBotWorking(row.run_state),
    outcome: readStoredRun(row.run_state).outcome,
  };
}

/**
 * `withIdentity`: the prepared DTO also says who the conversation is with (CRM person, side panel),
 * for the lifecycle changes that send the whole DTO; a chat message sends only its activity.
 */
type PrepareOptions = { withIdentity?: boolean };

/** Builds DTOs from rows, loading visitors, assignees and playbook names in batches. */
export function createConversationViews(deps: {
  visitors: VisitorsService;
  users: UsersStore;
  playbookNames: PlaybookNames;
  identities: ConversationIdentities;
  /** Absent: no team names (benchmarks that build views alone). */
  teamNames?: TeamNames;
  /** Who a private note let read each conversation (R29); absent: nobody (benchmarks). */
  readers?: ConversationReaders;
  /** Absent: no labels (benchmarks that build views alone). */
  labels?: ConversationLabels;
  caches: SharedCaches;
}) {
  const { identities } = deps;
  const readers = rememberedByRevision(deps.readers ?? (async () => new Map()), (r) => r.readers_rev);
  const labelsOf = rememberedByRevision(deps.labels ?? (async () => new Map()), (r) => r.labels_rev);

  const { userById, playbookById, teamById, visitorById } = createLookupCaches(deps);

  async function lookupsFor(rows: ConversationRow[]): Promise<Map<string, DtoLookups>> {
    const result = new Map<string, DtoLookups>();
    const ids = rows.map((r) => r.id);
    const [known, labels, readerIds] = await Promise.all([identities(ids), labelsOf(rows), readers(rows)]);
    // Concurrent, so a page of rows costs about one round trip, not one per row (PostgreSQL pool).
    const loaded = await Promise.all(
      rows.map(async (r) => ({
        visitor: await visitorById(r.visitor_id),
        assignee: r.assignee_id ? await userById(r.assignee_id) : null,
        playbook: r.playbook_id ? await playbookById(r.playbook_id) : null,
        identity: known.get(r.id) ?? null,
        team: r.team_id ? await teamById(r.team_id) : null,
        readerIds: readerIds.get(r.id) ?? [],
        labels: labels.get(r.id) ?? [],
      })),
    );
    rows.forEach((r, i) => result.set(r.id, loaded[i] as DtoLookups));
    return result;
  }

  async function conversations(rows: ConversationRow[], viewerId: string): Promise<TConversationDto[]> {
    const lookups = await lookupsFor(rows);
    return rows.map((r) =>
      toConversationDto(r, lookups.get(r.id) ?? { visitor: null, assignee: null, playbook: null }, viewerId),
    );
  }

  /**
   * Loads now what the DTO of this conversation needs, for building it inside a transaction (where
   * nothing else may be read). `assigneeIds`: every assignee the row may have when it is built; a
   * row with another one, or other readers or labels (their revisions), throws StaleLookups (the
   * caller's transaction rolls back and it retries with the row as it is now).
   */
  async function prepare(
    row: ConversationRow,
    assigneeIds: (string | null)[],
    options: PrepareOptions = {},
  ): Promise<(row: ConversationRow) => TConversationDto> {
    const { id } = row;
    // Together: on PostgreSQL each is a round trip, and a message waits for all of them.
    const [identity, visitor, readerIds, playbook, team, labels, assigneeList] = await Promise.all([
      options.withIdentity ? identities([id]).then((m) => m.get(id) ?? null) : undefined,
      visitorById(row.visitor_id),
      readers([row]).then((m) => m.get(id) ?? []),
      row.playbook_id ? playbookById(row.playbook_id) : null,
      row.team_id ? teamById(row.team_id) : null,
      labelsOf([row]).then((m) => m.get(id) ?? []),
      Promise.all(assigneeIds.map(async (a) => (a === null ? null : ([a, await userById(a)] as const)))),
    ]);
    const assignees = new Map(assigneeList.filter((entry) => entry !== null));
    return (r) => {
      const assignee = r.assignee_id === null ? null : assignees.get(r.assignee_id);
      if (assignee === undefined || !sameRevisions(row, r)) throw new StaleLookups();
      return toConversationDto(r, { visitor, assignee, playbook, team, readerIds, labels, identity }, '');
    };
  }

  return {
    conversations,
    async conversation(row: ConversationRow, viewerId: string): Promise<TConversationDto> {
      const [dto] = await conversations([row], viewerId);
      return dto as TConversationDto;
    },
    prepare,
    /** The labels one conversation carries. */
    labelsOf: async (row: Revisions): Promise<TLabelChip[]> => (await labelsOf([row])).get(row.id) ?? [],
    /** The users a private note let read the conversation (R29). */
    readersOf: async (row: Revisions): Promise<string[]> => (await readers([row])).get(row.id) ?? [],
    /** A user as the author of their message: their name and picture (as fresh as the DTOs'). */
    author: (userId: string) => userById(userId),
    forVisitor: (row: ConversationRow) => visitorView(row, userById),
    /** Who one conversation is with, as derived from every source (null: nothing derived yet). */
    identityOf: async (id: string) => (await identities([id])).get(id) ?? null,
    /** A visitor's number (it never changes), from the lookups a message's DTO needs anyway. */
    visitorNumber: async (visitorId: string): Promise<number> => (await visitorById(visitorId))?.number ?? 0,
    /** Forget what we know of a visitor (their page context changed). */
    forgetVisitor: (id: string): void => visitorById.forget(id),
    message(row: MessageRow): TMessageDto {
      return toMessageDto(row);
    },
  };
}
export type ConversationViews = ReturnType<typeof createConversationViews>;
