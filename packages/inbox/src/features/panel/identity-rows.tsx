import { useTranslation } from 'react-i18next';
import type { TVisitorIdentity } from '@charla/protocol';

/** The user id and custom attributes `Charla.identify()` passed (issue 24), as rows of the visitor's facts. */
export function IdentityRows({ identity }: { identity: TVisitorIdentity | undefined }) {
  const { t } = useTranslation();
  if (!identity) return null;
  const attributes = Object.entries(identity.attributes ?? {});
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
          <dd className="facts__wrap">{shown(value)}</dd>
        </div>
      ))}
    </>
  );
}
