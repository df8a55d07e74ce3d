import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUserRoutingDto } from '@charla/protocol';
import { availabilityApi } from './availability-api';
import './availability.css';

/** Every active user's capacity and load (Users page), with a setter that keeps the map current. */
export function useUserRouting() {
  const [routing, setRouting] = useState<Map<string, TUserRoutingDto>>(new Map());
  // Loaded again after a user is added or changed, so the new row gets its cell without a reload.
  const reload = useCallback(() => {
    availabilityApi.userRouting().then(
      (list) => setRouting(new Map(list.map((r) => [r.userId, r]))),
      () => undefined,
    );
  }, []);
  useEffect(reload, [reload]);
  const save = useCallback(async (userId: string, capacity: number | null) => {
    const saved = await availabilityApi.setCapacity(userId, capacity);
    setRouting((map) => new Map(map).set(userId, saved));
  }, []);
  return { routing, save, reload };
}

/** Capacity of one user: max open assigned chats for automatic assignment; empty is no limit. */
export function CapacityCell({
  name,
  routing,
  onSave,
}: {
  name: string;
  routing: TUserRoutingDto | undefined;
  onSave: (capacity: number | null) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [failed, setFailed] = useState(false);
  useEffect(
    () => setValue(routing?.capacity === null || !routing ? '' : String(routing.capacity)),
    [routing],
  );
  if (!routing) return null;
  const commit = () => {
    const capacity = value.trim() === '' ? null : Number(value);
    if (capacity === routing.capacity) return;
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100)) {
      setFailed(true);
      return;
    }
    onSave(capacity).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  };
  return (
    <span className="capacity">
      <input
        type="number"
        className="input capacity-input"
        min={1}
        max={100}
        inputMode="numeric"
        placeholder={t('availability.capacity.none')}
        aria-label={t('availability.capacity.of', { name })}
        title={t('availability.capacity.hint')}
        aria-invalid={failed}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />{' '}
      <span className="field__hint">{t('availability.capacity.open', { count: routing.openAssigned })}</span>
    </span>
  );
}
