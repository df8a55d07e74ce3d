import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TVerifiedIdentityDto } from '@charla/protocol';
import { api } from '../../lib/api-client';
import { IdentityBadge } from '../inbox/identity-badge';

/** On a CRM person's page: the verified users of your site this person is (issue 24); nothing when none. */
export function PersonIdentity({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<TVerifiedIdentityDto[]>([]);
  useEffect(() => {
    let live = true;
    api
      .get<TVerifiedIdentityDto[]>(`/crm/persons/${encodeURIComponent(personId)}/verified-identities`)
      .then((found) => live && setList(found))
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [personId]);
  if (list.length === 0) return null;
  return (
    <section className="card" data-testid="person-identity">
      <h2 className="card__title">
        {t('identity.verifiedUser')} <IdentityBadge identity={{ ...list[0]!, verified: true }} />
      </h2>
      <dl className="facts">
        {list.map((identity) => (
          <div key={identity.userId} className="facts__row">
            <dt>{t('identity.userId')}</dt>
            <dd className="facts__wrap">{identity.userId}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
