import { useTranslation } from 'react-i18next';
import type { TVisitorIdentity } from '@charla/protocol';

/**
 * "Verified" or "Unverified" beside a visitor who was identified by the host page (issue 24);
 * nothing for a visitor nobody identified.
 */
export function IdentityBadge({ identity }: { identity: TVisitorIdentity | undefined }) {
  const { t } = useTranslation();
  if (!identity) return null;
  const verified = identity.verified === true;
  return (
    <span
      className={`identity-badge identity-badge--${verified ? 'verified' : 'unverified'}`}
      title={t(verified ? 'identity.verifiedTitle' : 'identity.unverifiedTitle')}
      data-testid="identity-badge"
      data-verified={verified ? 'true' : 'false'}
    >
      {verified && <span aria-hidden="true">✓ </span>}
      {t(verified ? 'identity.verified' : 'identity.unverified')}
    </span>
  );
}
