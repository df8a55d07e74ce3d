import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUserDto } from '@charla/protocol';
import { api } from '../../lib/api-client';
import { useMe, useSession } from '../auth/session-context';

/** R10: my availability for live chat, bottom left. Visitors only reach a person while someone is online. */
export function OnlineSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const { setUser } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  const online = me.onlineSwitch;
  const toggle = async () => {
    setBusy(true);
    setError(false);
    try {
      setUser(await api.put<TUserDto>('/me/online', { online: !online }));
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="online-switch">
      <button
        type="button"
        role="switch"
        aria-checked={online}
        className={`switch ${online ? 'switch--on' : ''}`}
        onClick={() => void toggle()}
        disabled={busy}
        aria-describedby="online-switch-hint"
        data-testid="online-switch"
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">{online ? t('shell.online') : t('shell.offline')}</span>
      </button>
      <span id="online-switch-hint" className="online-switch__hint">
        {error ? t('errors.generic') : online ? t('shell.onlineHint') : t('shell.offlineHint')}
      </span>
    </div>
  );
}
