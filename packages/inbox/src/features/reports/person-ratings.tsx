import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRatingListItemDto } from '@charla/protocol';
import { api } from '../../lib/api-client';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { formatDate } from '../crm/crm-format';

/** A short text for a score: "4 out of 5", or Good/Bad on the thumbs scale. */
export function useScoreText() {
  const { t } = useTranslation();
  return (rating: Pick<TRatingListItemDto, 'scale' | 'score'>) =>
    rating.scale === 'thumbs'
      ? t(rating.score >= 5 ? 'reports.ratings.up' : 'reports.ratings.down')
      : t('reports.ratings.stars', { score: rating.score });
}

/** The satisfaction ratings of a CRM person's conversations (on the person's page). */
export function PersonRatings({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const scoreText = useScoreText();
  const [ratings, setRatings] = useState<TRatingListItemDto[] | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<TRatingListItemDto[]>('/ratings', { personId })
      .then((list) => live && setRatings(list))
      .catch(() => live && setRatings([]));
    return () => {
      live = false;
    };
  }, [personId]);
  if (ratings === null) return null;
  return (
    <section className="card" data-testid="person-ratings">
      <h2 className="card__title">{t('reports.ratings.title')}</h2>
      {ratings.length === 0 ? (
        <p className="card__text">{t('reports.ratings.none')}</p>
      ) : (
        <ul className="crm-related">
          {ratings.map((r) => (
            <li key={r.conversationId}>
              <Icon name="star" size={15} />
              <Link to={`/conversations/${r.conversationId}`}>{scoreText(r)}</Link>
              <span className="pb-muted">
                {formatDate(r.updatedAt, i18n.language)}
                {r.comment && ` · “${r.comment}”`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
