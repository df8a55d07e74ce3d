import type { TPlaybookStatus } from '@charla/protocol';
import { useTranslation } from 'react-i18next';

export function PlaybookStatusBadge({ status }: { status: TPlaybookStatus }) {
  const { t } = useTranslation();
  return <span className={`pb-status pb-status--${status}`}>{t(`playbooks.status.${status}`)}</span>;
}
