import type { TCrmNoteDto } from '@charla/protocol';
import type { PanelAnnouncer, PanelRecordEntity } from './panel-announcer';

type Editable<Dto, Patch, Actor> = {
  update(id: string, patch: Patch, actor: Actor): Promise<Dto>;
  delete(id: string): Promise<void>;
};

/**
 * A record service whose updates and deletes, once committed, reach the side panels of the
 * conversations linked to the record (issue 15). The links are read before a delete removes them.
 */
export function announcingRecordChanges<Dto, Patch, Actor, S extends Editable<Dto, Patch, Actor>>(
  service: S,
  entity: Exclude<PanelRecordEntity, 'note'>,
  announcer: PanelAnnouncer,
): S {
  return {
    ...service,
    async update(id: string, patch: Patch, actor: Actor): Promise<Dto> {
      const dto = await service.update(id, patch, actor);
      await announcer.announce(entity, id, await announcer.conversationsOfRecord(entity, id));
      return dto;
    },
    async delete(id: string): Promise<void> {
      const conversationIds = await announcer.conversationsOfRecord(entity, id);
      await service.delete(id);
      await announcer.announce(entity, id, conversationIds);
    },
  };
}

type NoteService<Create, Patch, Actor> = Editable<TCrmNoteDto, Patch, Actor> & {
  create(input: Create, actor: Actor): Promise<TCrmNoteDto>;
  get(id: string): Promise<TCrmNoteDto>;
};

/** The notes service, whose every change reaches the panels showing the note's records. */
export function announcingNoteChanges<Create, Patch, Actor, S extends NoteService<Create, Patch, Actor>>(
  service: S,
  announcer: PanelAnnouncer,
): S {
  const announce = async (note: TCrmNoteDto, extra: string[] = []) => {
    const ids = [...new Set([...extra, ...(await announcer.conversationsOfNote(note))])];
    await announcer.announce('note', note.id, ids);
  };
  return {
    ...service,
    async create(input: Create, actor: Actor): Promise<TCrmNoteDto> {
      const note = await service.create(input, actor);
      await announce(note);
      return note;
    },
    async update(id: string, patch: Patch, actor: Actor): Promise<TCrmNoteDto> {
      const before = await service.get(id);
      const note = await service.update(id, patch, actor);
      await announce(note, await announcer.conversationsOfNote(before));
      return note;
    },
    async delete(id: string): Promise<void> {
      const before = await service.get(id);
      const conversationIds = await announcer.conversationsOfNote(before);
      await service.delete(id);
      await announcer.announce('note', id, conversationIds);
    },
  };
}
