import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';
import { crmApi, type CrmDtoOf, type CrmEntity } from './crm-api';
import { RefusedValue } from './inline-field';

/**
 * Saves one field of a record at a time through the record's PATCH, naming the version the
 * change was made on (the one shown when editing started, else the one shown now). A refusal rejects with the message the field shows (a
 * refused value as a RefusedValue, so the field stays open with it); a conflict (someone else saved
 * first) also keeps the server's current record so the page can offer to load it.
 */
export function useRecordEditor<E extends CrmEntity>(
  entity: E,
  item: CrmDtoOf[E] | null,
  setItem: (dto: CrmDtoOf[E]) => void,
  onSaved: () => void,
) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<CrmDtoOf[E] | null>(null);

  const save = useCallback(
    async (body: Record<string, unknown>, version?: number): Promise<void> => {
      if (!item) return;
      try {
        setItem(await crmApi.update(entity, item.id, { version: version ?? item.version, ...body }));
        onSaved();
      } catch (cause) {
        if (cause instanceof ApiError && cause.code === 'CONFLICT') {
          setConflict((cause.details as { current?: CrmDtoOf[E] } | undefined)?.current ?? null);
          throw new Error(t('crm.conflictShort'));
        }
        if (cause instanceof ApiError && cause.status === 422) throw new RefusedValue(t('crm.saveRefused'));
        throw new Error(t('errors.generic'));
      }
    },
    [entity, item, setItem, onSaved, t],
  );

  const reload = useCallback(() => {
    if (conflict) setItem(conflict);
    setConflict(null);
    onSaved();
  }, [conflict, setItem, onSaved]);

  return { save, conflict, reload };
}
