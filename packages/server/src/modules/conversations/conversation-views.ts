import type { TConversationDto, TMessageDto, TVisitorConversationDto } from '@charla/protocol';
import type { UsersStore } from '../users/users.store';
import type { VisitorsService } from '../visitors/visitors.service';
import { readVisitorContext } from '../visitors/visitors.service';
import { toConversationDto, toMessageDto, toVisitorConversationDto, type DtoLookups } from './conversation-dto';
import type { ConversationRow, MessageRow } from './conversations.store';
import { isBotAwaitingInput, readStoredRun } from './stored-run';

export type PlaybookNames = { nameOf(playbookId: string): Promise<string | null> };

/** Builds DTOs from rows, loading visitors, assignees and playbook names in batches. */
export function createConversationViews(deps: { visitors: VisitorsService; users: UsersStore; playbookNames: PlaybookNames }) {
  const { visitors, users, playbookNames } = deps;

  async function lookupsFor(rows: ConversationRow[]): Promise<Map<string, DtoLookups>> {
    const visitorRows = await visitors.findManyByIds([...new Set(rows.map((r) => r.visitor_id))]);
    const visitorById = new Map(visitorRows.map((v) => [v.id, { id: v.id, number: v.number, context: readVisitorContext(v) }]));
    const assigneeIds = [...new Set(rows.map((r) => r.assignee_id).filter((id): id is string => id !== null))];
    const assignees = new Map<string, { id: string; name: string; avatarUrl: string | null }>();
    for (const id of assigneeIds) {
      const u = await users.findById(id);
      if (u) assignees.set(id, { id: u.id, name: u.name, avatarUrl: u.avatar_url });
    }
    const playbooks = new Map<string, { id: string; name: string } | null>();
    for (const id of new Set(rows.map((r) => r.playbook_id).filter((id): id is string => id !== null))) {
      const name = await playbookNames.nameOf(id);
      playbooks.set(id, name === null ? null : { id, name });
    }
    return new Map(
      rows.map((r) => [
        r.id,
        {
          visitor: visitorById.get(r.visitor_id) ?? null,
          assignee: r.assignee_id ? (assignees.get(r.assignee_id) ?? null) : null,
          playbook: r.playbook_id ? (playbooks.get(r.playbook_id) ?? null) : null,
        },
      ]),
    );
  }

  return {
    async conversations(rows: ConversationRow[], viewerId: string): Promise<TConversationDto[]> {
      const lookups = await lookupsFor(rows);
      return rows.map((r) => toConversationDto(r, lookups.get(r.id) ?? { visitor: null, assignee: null, playbook: null }, viewerId));
    },
    async conversation(row: ConversationRow, viewerId: string): Promise<TConversationDto> {
      const [dto] = await this.conversations([row], viewerId);
      return dto as TConversationDto;
    },
    async forVisitor(row: ConversationRow): Promise<TVisitorConversationDto> {
      const assignee = row.assignee_id && row.status !== 'waiting' ? await users.findById(row.assignee_id) : null;
      const dto = toVisitorConversationDto(row, assignee ? { name: assignee.name, avatarUrl: assignee.avatar_url } : null);
      return { ...dto, botAwaitingInput: isBotAwaitingInput(row.run_state), outcome: readStoredRun(row.run_state).outcome };
    },
    message(row: MessageRow): TMessageDto {
      return toMessageDto(row);
    },
  };
}
export type ConversationViews = ReturnType<typeof createConversationViews>;
