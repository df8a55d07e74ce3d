import { useCallback, useEffect, useState } from 'react';
import type { TBusinessHours, TBusinessHoursStatusDto, TLanguage } from '@charla/protocol';
import { availabilityApi } from './availability-api';

/**
 * Which schedule the Business hours page edits: the company's ('') or a playbook's own. A
 * playbook without its own starts from the company's (`follows`) until it is saved.
 */
export function useHoursScope(language: TLanguage) {
  const [scope, setScope] = useState('');
  const [form, setForm] = useState<TBusinessHours | null>(null);
  const [follows, setFollows] = useState(false);
  const [status, setStatus] = useState<TBusinessHoursStatusDto | null>(null);
  const [failed, setFailed] = useState(false);

  const refreshStatus = useCallback(() => {
    availabilityApi.status(language, scope || undefined).then(setStatus, () => setStatus(null));
  }, [language, scope]);

  const load = useCallback(async () => {
    setForm(null);
    try {
      const company = (await availabilityApi.hours()).hours;
      const own = scope ? (await availabilityApi.override(scope)).override : null;
      setFollows(scope !== '' && own === null);
      setForm(own?.hours ?? company);
    } catch {
      setFailed(true);
    }
  }, [scope]);

  useEffect(() => {
    void load();
    refreshStatus();
  }, [load, refreshStatus]);

  return {
    scope,
    setScope,
    form,
    setForm,
    follows,
    status,
    failed,
    async save(hours: TBusinessHours) {
      const saved = scope
        ? await availabilityApi.saveOverride(scope, hours)
        : await availabilityApi.saveHours(hours);
      setForm(saved.hours);
      setFollows(false);
      refreshStatus();
    },
    /** The playbook follows the company's hours again. */
    async dropOwn() {
      if (!scope) return;
      await availabilityApi.deleteOverride(scope);
      await load();
      refreshStatus();
    },
  };
}
