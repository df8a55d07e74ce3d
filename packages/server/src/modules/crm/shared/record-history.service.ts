import type { TCrmChangeDto, TCrmHistoryQuery, TPage } from '@charla/protocol';
import type { CrmEntityType } from '../../../db/schema.crm';
import { decodeCrmCursor, toCrmPage } from './crm-cursor.util';
import type { CrmStore } from './crm.store';
import { toChangeDto } from './record-history';
import { requireRecord } from './require-record';

/** A record's change history, newest first (404 when the record does not exist). */
export function historyOf(
  store: CrmStore,
  entity: CrmEntityType,
  find: (id: string) => Promise<unknown>,
): (id: string, query: TCrmHistoryQuery) => Promise<TPage<TCrmChangeDto>> {
  return async (id, query) => {
    requireRecord(await find(id));
    const rows = await store.changes.list(entity, id, decodeCrmCursor(query.cursor), query.limit);
    const page = toCrmPage(rows, query.limit);
    return { items: page.rows.map(toChangeDto), nextCursor: page.nextCursor };
  };
}
