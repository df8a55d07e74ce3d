import {
  isLabelColor,
  MAX_LABELS_PER_CONVERSATION,
  type TLabelChip,
  type TLabelDto,
  type TLabelRequest,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import type { AuthUser } from '../auth/index';
import type { ConversationAccess } from '../conversations/index';
import type { LabelRow, LabelsStore } from './labels.store';
import { labelNameKey } from './label-name';

export function toLabelChip(row: LabelRow): TLabelChip {
  return { id: row.id, name: row.name, color: isLabelColor(row.color) ? row.color : 'gray' };
}

function toLabelDto(row: LabelRow): TLabelDto {
  return { ...toLabelChip(row), createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) };
}

/** The chips of each conversation, for its DTO (conversation views need them before this service exists). */
export function labelChipsFrom(store: LabelsStore) {
  return async (conversationIds: string[]): Promise<Map<string, TLabelChip[]>> => {
    const rows = await store.labelsOf(conversationIds);
    return new Map([...rows].map(([id, labels]) => [id, labels.map(toLabelChip)]));
  };
}

/** A label a request refers to (filter, conversation): 422, the request is what is wrong. */
export function labelCheckFrom(store: LabelsStore) {
  return async (id: string): Promise<LabelRow> => {
    const row = id.length <= 64 ? await store.find(id) : null;
    if (!row) throw new AppError('LABEL_UNKNOWN', { details: { labelId: id } });
    return row;
  };
}

/** Creates (`id` null) or updates a label: palette colour, unique name (case-insensitive). */
async function saveLabel(
  store: LabelsStore,
  now: number,
  id: string | null,
  input: TLabelRequest,
): Promise<TLabelDto> {
  if (!isLabelColor(input.color))
    throw new AppError('LABEL_COLOR_UNKNOWN', { details: { color: input.color } });
  const existing = id === null ? null : await store.find(id.slice(0, 64));
  if (id !== null && !existing) throw new AppError('LABEL_NOT_FOUND');
  const nameKey = labelNameKey(input.name);
  const clash = await store.findByNameKey(nameKey);
  if (clash && clash.id !== existing?.id) throw new AppError('LABEL_NAME_TAKEN');
  const row: LabelRow = {
    id: existing?.id ?? newId(),
    name: input.name,
    name_key: nameKey,
    color: input.color,
    created_at: existing ? Number(existing.created_at) : now,
    updated_at: now,
  };
  if (!(await store.save(row, existing === null))) throw new AppError('LABEL_NAME_TAKEN');
  return toLabelDto(row);
}

/**
 * Labels (issue 16 item 3): admins manage the company's set; users put them on conversations they
 * may see (R14 through the conversations' front door, also on closed ones: a label is no message,
 * R20). Every change is told to open inboxes as `conversation.updated`, the path that already
 * fans out to only those who may see the conversation.
 */
export function createLabelsService(deps: {
  store: LabelsStore;
  conversations: Pick<ConversationAccess, 'getForUser' | 'labelsChanged'>;
  clock: Clock;
  onError: (error: unknown, context: string) => void;
}) {
  const { store, conversations, clock } = deps;

  async function getLabel(id: string): Promise<LabelRow> {
    const row = id.length <= 64 ? await store.find(id) : null;
    if (!row) throw new AppError('LABEL_NOT_FOUND');
    return row;
  }

  const assertKnown = labelCheckFrom(store);

  const save = (id: string | null, input: TLabelRequest) => saveLabel(store, clock.now(), id, input);

  /** Tells open inboxes the conversations again (their chips changed). */
  async function publish(conversationIds: string[]): Promise<void> {
    for (const id of conversationIds) {
      try {
        await conversations.labelsChanged(id);
      } catch (error) {
        // A conversation erased meanwhile has nobody left to tell.
        deps.onError(error, `labels: telling conversation ${id}`);
      }
    }
  }

  async function chipsOf(conversationId: string): Promise<TLabelChip[]> {
    return ((await store.labelsOf([conversationId])).get(conversationId) ?? []).map(toLabelChip);
  }

  return {
    async list(): Promise<TLabelDto[]> {
      return (await store.list()).map(toLabelDto);
    },
    create: (input: TLabelRequest) => save(null, input),
    /** Renaming or recolouring shows on every conversation carrying it. */
    async update(id: string, input: TLabelRequest): Promise<TLabelDto> {
      const saved = await save(id, input);
      // A label on many chats: the answer does not wait for every inbox to be told.
      void store
        .conversationsWith(id)
        .then(publish, (error: unknown) => deps.onError(error, 'labels: rename'));
      return saved;
    },
    async remove(id: string): Promise<void> {
      const carried = id.length <= 64 ? await store.deleteLabel(id) : null;
      if (carried === null) throw new AppError('LABEL_NOT_FOUND');
      void publish(carried);
    },
    assertKnown,
    async addToConversation(user: AuthUser, conversationId: string, labelId: string): Promise<TLabelChip[]> {
      await conversations.getForUser(conversationId, user);
      await assertKnown(labelId);
      const outcome = await store.add(conversationId, labelId, clock.now(), MAX_LABELS_PER_CONVERSATION);
      if (outcome === 'full')
        throw new AppError('LABEL_LIMIT_REACHED', { details: { max: MAX_LABELS_PER_CONVERSATION } });
      if (outcome === 'added') await publish([conversationId]);
      return chipsOf(conversationId);
    },
    async removeFromConversation(
      user: AuthUser,
      conversationId: string,
      labelId: string,
    ): Promise<TLabelChip[]> {
      await conversations.getForUser(conversationId, user);
      await getLabel(labelId);
      if (await store.detach(conversationId, labelId)) await publish([conversationId]);
      return chipsOf(conversationId);
    },
    /** Label names of a conversation (copied to the CRM lead created from it). */
    async namesOf(conversationId: string): Promise<string[]> {
      return (await chipsOf(conversationId)).map((c) => c.name);
    },
  };
}
export type LabelsService = ReturnType<typeof createLabelsService>;
