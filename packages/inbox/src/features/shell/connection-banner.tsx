import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { useInbox } from '../inbox/inbox-provider';

/** Shown while the realtime connection is down (after a short grace period, to avoid flicker). */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { socketStatus } = useInbox();
  const [visible, setVisible] = useState(false);
  const [justBack, setJustBack] = useState(false);
  useEffect(() => {
    if (socketStatus === 'open') {
      if (visible) {
        setJustBack(true);
        const id = setTimeout(() => setJustBack(false), 2500);
        setVisible(false);
        return () => clearTimeout(id);
      }
      return;
    }
    const id = setTimeout(() => setVisible(true), 1500);
    return () => clearTimeout(id);
  }, [socketStatus, visible]);
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
