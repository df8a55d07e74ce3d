import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routingOf, type TLiveChatRouting, type TRoutingMode, type TTeamDto } from '@charla/protocol';
import { availabilityApi } from './availability-api';
import { CheckField } from '../../components/check-field';

/**
 * The live chat card's routing (issue 19): manual or automatic assignment, a team, and the
 * ownership watchdog. Manual with no watchdog stores nothing (the seed behaviour).
 */
export function LiveChatRoutingFields({
  routing,
  onChange,
}: {
  routing: TLiveChatRouting | undefined;
  onChange: (routing: TLiveChatRouting | undefined) => void;
}) {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<TTeamDto[]>([]);
  useEffect(() => {
    availabilityApi.teams().then(setTeams, () => setTeams([]));
  }, []);
  const current = routingOf({ routing });
  const set = (patch: Partial<TLiveChatRouting>) => {
    const next = { ...current, ...patch };
    const seed = next.mode === 'manual' && !next.teamId && next.replyMinutes === null && !next.whenOffline;
    onChange(seed ? undefined : next);
  };
  const modes: [TRoutingMode, string][] = [
    ['manual', t('availability.routing.manual')],
    ['round_robin', t('availability.routing.roundRobin')],
    ['least_busy', t('availability.routing.leastBusy')],
  ];
  return (
    <fieldset className="pb-fieldset" data-testid="routing-fields">
      <legend>{t('availability.routing.title')}</legend>
      <div className="field">
        <label htmlFor="lc-mode">{t('availability.routing.mode')}</label>
        <select
          id="lc-mode"
          value={current.mode}
          onChange={(e) => set({ mode: e.target.value as TRoutingMode })}
        >
          {modes.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lc-team">{t('availability.routing.team')}</label>
        <select
          id="lc-team"
          value={current.teamId ?? ''}
          onChange={(e) => set({ teamId: e.target.value || null })}
        >
          <option value="">{t('availability.routing.anyone')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <ReplyMinutesField value={current.replyMinutes} onChange={(replyMinutes) => set({ replyMinutes })} />
      <CheckField checked={current.whenOffline} onChange={(whenOffline) => set({ whenOffline })}>
        {t('availability.routing.whenOffline')}
      </CheckField>
    </fieldset>
  );
}

/** The watchdog's reply minutes: empty is off. */
function ReplyMinutesField({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (minutes: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="lc-reply">{t('availability.routing.replyMinutes')}</label>
      <input
        id="lc-reply"
        type="number"
        min={1}
        max={240}
        value={value ?? ''}
        aria-describedby="lc-reply-hint"
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          onChange(e.target.value === '' || n < 1 ? null : Math.min(n, 240));
        }}
      />
      <span id="lc-reply-hint" className="field__hint">
        {t('availability.routing.replyOff')}
      </span>
    </div>
  );
}
