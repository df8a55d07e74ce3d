import { useTranslation } from 'react-i18next';
import type { TVisitorIdentity } from '@charla/protocol';

function UnverifiedBadge({ title, testId }: { title: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <span
      className="identity-badge identity-badge--unverified facts__attribute-badge"
      title={title}
      data-testid={testId}
    >
      {t('identity.unverified')}
    </span>
  );
}

/**
 * The visitor's email. When it is the one `Charla.identify()` passed and the company's server never
 * set it (the userHash signs the user id only), it says "Unverified": it is never matched to a CRM person.
 */
export function VisitorEmail({ email, identity }: { email: string; identity: TVisitorIdentity | undefined }) {
  const { t } = useTranslation();
  const unverified =
    identity?.verified === true && identity.email === email && identity.emailVerified !== true;
  return (
    <>
      {email}
      {unverified && <UnverifiedBadge title={t('identity.emailUnverifiedTitle')} testId="email-unverified" />}
    </>
  );
}

/**
 * The user id and custom attributes `Charla.identify()` passed (issue 24), as rows of the visitor's
 * facts. The userHash signs the user id only: an attribute the company's server did not set over
 * REST came from the browser and says "Unverified".
 */
export function IdentityRows({ identity }: { identity: TVisitorIdentity | undefined }) {
  const { t } = useTranslation();
  if (!identity) return null;
  const attributes = Object.entries(identity.attributes ?? {});
  const verifiedKeys = identity.verifiedAttributes ?? [];
  const shown = (value: string | number | boolean) =>
    typeof value === 'boolean' ? t(value ? 'identity.yes' : 'identity.no') : String(value);
  return (
    <>
      {identity.userId && (
        <div className="facts__row">
          <dt>{t('identity.userId')}</dt>
          <dd className="facts__wrap">{identity.userId}</dd>
        </div>
      )}
      {attributes.map(([key, value]) => (
        <div key={key} className="facts__row" data-testid="identity-attribute">
          <dt title={t('identity.attributes')}>{key}</dt>
          <dd className="facts__wrap">
            {shown(value)}
            {!verifiedKeys.includes(key) && (
              <UnverifiedBadge title={t('identity.attributeUnverifiedTitle')} testId="attribute-unverified" />
            )}
          </dd>
        </div>
      ))}
    </>
  );
}
