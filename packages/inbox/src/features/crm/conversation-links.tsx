import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto } from '@charla/protocol';
import { currentLanguage } from '../../lib/i18n';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { inboxApi } from '../inbox/inbox-api';
import { formatDateTime } from './crm-format';

/**
 * The conversations a record came from (R25), each labelled by the person and the date it began.
 * One the viewer may not see (assigned to someone else, R14) keeps the person but no date.
 */
export function ConversationLinks({ ids, personName }: { ids: string[]; personName: string | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [found, setFound] = useState<Record<string, TConversationDto | null>>({});

  useEffect(() => {
    let live = true;
    for (const id of ids.slice(0, 20))
      inboxApi.get(id).then(
        (c) => live && setFound((f) => ({ ...f, [id]: c })),
        () => live && setFound((f) => ({ ...f, [id]: null })),
      );
    return () => {
      live = false;
    };
  }, [ids]);

  return (
    <section className="card">
      <h2 className="card__title">{t('crm.conversations')}</h2>
      {ids.length === 0 ? (
        <p className="card__text">{t('crm.noConversations')}</p>
      ) : (
        <ul className="crm-related">
          {ids.map((id) => {
            const conversation = found[id];
            const name = personName ?? conversation?.visitor.displayName ?? t('crm.chat');
            return (
              <li key={id}>
                <Icon name="message" size={15} />
                <Link to={`/conversations/${id}`} data-testid="conversation-link">
                  {conversation
                    ? t('crm.chatWith', { name, date: formatDateTime(conversation.createdAt, lang) })
                    : name}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
