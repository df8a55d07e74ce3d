import { useTranslation } from 'react-i18next';
import type { TConversationDto } from '@charla/protocol';
import { formatTimestamp } from '../../lib/format-time';
import { describeUserAgent, shortUrl } from '../inbox/visitor-name';
import { IdentityBadge } from '../inbox/identity-badge';
import { IdentityRows, VisitorEmail } from './identity-rows';
import { dateTimeFormat } from '../../lib/intl-cache';

/** Where the visitor is and comes from: page, referrer, browser, language, time zone, pages seen. */
export function VisitorContext({ conversation }: { conversation: TConversationDto }) {
  const { t, i18n } = useTranslation();
  const ctx = conversation.visitor.context;
  const rows: { label: string; value: React.ReactNode }[] = [];
  const link = (url: string | null) =>
    url ? (
      <a href={url} target="_blank" rel="noopener noreferrer nofollow" title={url}>
        {shortUrl(url)}
      </a>
    ) : null;
  if (ctx.pageUrl) rows.push({ label: t('panel.page'), value: link(ctx.pageUrl) });
  if (ctx.referrer) rows.push({ label: t('panel.referrer'), value: link(ctx.referrer) });
  const browser = describeUserAgent(ctx.userAgent);
  if (browser) rows.push({ label: t('panel.browser'), value: browser });
  if (ctx.language) rows.push({ label: t('panel.language'), value: ctx.language });
  if (ctx.timeZone) {
    let local = '';
    try {
      local = ` · ${dateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', timeZone: ctx.timeZone }).format(new Date())}`;
    } catch {
      local = '';
    }
    rows.push({ label: t('panel.timeZone'), value: `${ctx.timeZone}${local}` });
  }
  const { email } = conversation.visitor;
  if (email)
    rows.push({ label: t('panel.email'), value: <VisitorEmail email={email} identity={ctx.identity} /> });
  rows.push({ label: t('panel.firstSeen'), value: formatTimestamp(ctx.firstSeenAt, i18n.language) });

  return (
    <section className="panel-section" aria-labelledby="visitor-context-title">
      <h3 id="visitor-context-title" className="panel-section__title">
        {t('panel.visitor')} <IdentityBadge identity={ctx.identity} />
      </h3>
      <dl className="facts">
        <IdentityRows identity={ctx.identity} />
        {rows.map((row) => (
          <div key={row.label} className="facts__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {ctx.pagesSeen.length > 0 && (
        <details className="pages-seen">
          <summary>{t('panel.pagesSeen', { count: ctx.pagesSeen.length })}</summary>
          <ol>
            {[...ctx.pagesSeen].reverse().map((p) => (
              <li key={`${p.at}-${p.url}`}>
                {link(p.url)}
                <time>{formatTimestamp(p.at, i18n.language)}</time>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
