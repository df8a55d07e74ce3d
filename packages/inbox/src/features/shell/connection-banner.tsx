import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { useInboxActions } from '../inbox/inbox-provider';

/** Before the first connection, a slow start (a busy server, a phone network) is no lost connection. */
const FIRST_CONNECT_GRACE_MS = 8000;
const GRACE_MS = 1500;

/**
 * Shown while the realtime connection is down (after a short grace period, to avoid flicker);
 * "Back online" only after it was shown. Opening the inbox says neither while it first connects.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { socketStatus } = useInboxActions();
  const [visible, setVisible] = useState(false);
  const [justBack, setJustBack] = useState(false);
  const [everOpen, setEverOpen] = useState(false);
  useEffect(() => {
    if (socketStatus === 'open') {
      setEverOpen(true);
      if (visible) {
        setJustBack(true);
        const id = setTimeout(() => setJustBack(false), 2500);
        setVisible(false);
        return () => clearTimeout(id);
      }
      return;
    }
    const id = setTimeout(() => setVisible(true), everOpen ? GRACE_MS : FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(id);
  }, [socketStatus, visible, everOpen]);
  if (visible)
    return (
      <div className="conn-banner" role="status" data-testid="connection-banner">
        <Icon name="wifiOff" size={16} />
        {t('shell.disconnected')}
      </div>
    );
  if (justBack)
    return (
      <div className="conn-banner conn-banner--ok" role="status">
        <Icon name="check" size={16} />
        {t('shell.reconnected')}
      </div>
    );
  return null;
}
