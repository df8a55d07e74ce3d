import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmActivityDto, TCrmChangeDto, TCrmNoteDto, TCrmPipelineDto } from '@charla/protocol';
import { ApiError } from '../../lib/api-client';
import { inboxApi } from '../inbox/inbox-api';
import { crmApi, type CrmDtoOf, type CrmEntity } from './crm-api';
import type { FieldOption } from './inline-field';

/** Filter that finds an entity's related activities and notes. */
export const RELATION_KEY: Partial<Record<CrmEntity, string>> = {
  leads: 'leadId',
  deals: 'dealId',
  persons: 'personId',
  organizations: 'organizationId',
};

/**
 * One CRM record and what its page shows beside it: related activities and notes, the pipelines
 * (deals), the users an owner is picked from, and the change history. `load` reads them all again.
 */
export function useCrmRecord(entity: CrmEntity, id: string) {
  const { t } = useTranslation();
  const [item, setItem] = useState<CrmDtoOf[CrmEntity] | null>(null);
  const [missing, setMissing] = useState(false);
  const [activities, setActivities] = useState<TCrmActivityDto[]>([]);
  const [notes, setNotes] = useState<TCrmNoteDto[]>([]);
  const [pipelines, setPipelines] = useState<TCrmPipelineDto[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [users, setUsers] = useState<FieldOption[]>([]);
  const [changes, setChanges] = useState<TCrmChangeDto[] | null>(null);

  const loadHistory = useCallback(() => {
    crmApi.history(entity, id).then(
      (page) => setChanges(page.items),
      () => setChanges([]),
    );
  }, [entity, id]);

  const loadActivities = useCallback(() => {
    const key = RELATION_KEY[entity];
    if (key)
      crmApi.list('activities', { [key]: id, limit: 50 }).then(
        (p) => setActivities(p.items),
        () => undefined,
      );
  }, [entity, id]);

  const load = useCallback(() => {
    const ignore = () => undefined;
    crmApi.get(entity, id).then(setItem, (cause) => {
      if (cause instanceof ApiError && cause.status === 404) setMissing(true);
      else setNotice(t('crm.loadError'));
    });
    const key = RELATION_KEY[entity];
    loadActivities();
    if (key) crmApi.notes({ [key]: id, limit: 50 }).then((p) => setNotes(p.items), ignore);
    if (entity === 'deals') crmApi.pipelines().then(setPipelines, ignore);
    inboxApi.users().then((list) => setUsers(list.map((u) => ({ value: u.id, label: u.name }))), ignore);
    loadHistory();
  }, [entity, id, t, loadHistory, loadActivities]);
  useEffect(load, [load]);

  return {
    item,
    setItem,
    missing,
    activities,
    notes,
    pipelines,
    notice,
    users,
    changes,
    load,
    loadHistory,
    loadActivities,
  };
}
