import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInvitationDto, TInvitationSentDto } from '@charla/protocol';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { formatTimestamp } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { CopyButton } from '../playbooks/copy-button';
import { accountErrorMessage } from './code-message';
import { InviteDialog } from './invite-dialog';
import { invitationsApi } from './invitations-api';
import './accounts.css';
import '../email/email.css';

/** Settings → Users: invite by email, and the open invitations with resend and withdraw. */
export function InvitationsPanel() {
  const { t } = useTranslation();
  const [items, setItems] = useState<TInvitationDto[]>([]);
  const [inviting, setInviting] = useState(false);
  const [linkFor, setLinkFor] = useState<TInvitationSentDto | null>(null);
  const [revoking, setRevoking] = useState<TInvitationDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    invitationsApi.list().then(setItems, () => setItems([]));
  }, []);
  useEffect(load, [load]);

  const sent = (result: TInvitationSentDto) => {
    if (result.inviteUrl) setLinkFor(result);
    else setNotice(t('accounts.invitations.sent', { email: result.invitation.email }));
    load();
  };
  const resend = (id: string) => {
    setNotice(null);
    invitationsApi.resend(id).then(sent, (cause: unknown) => setNotice(accountErrorMessage(t, cause)));
  };

  return (
    <section className="card email-card" aria-labelledby="invitations-title">
      <div className="email-log__head">
        <div>
          <h3 id="invitations-title" className="email-card__title">
            {t('accounts.invitations.title')}
          </h3>
          <p className="field__hint">{t('accounts.invitations.intro')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setInviting(true)}>
          {t('accounts.invitations.invite')}
        </button>
      </div>
      <p className="settings__notice" role="status">
        {notice}
      </p>
      {items.length === 0 ? (
        <p className="field__hint">{t('accounts.invitations.empty')}</p>
      ) : (
        <ul className="invitations">
          {items.map((inv) => (
            <InvitationRow key={inv.id} invitation={inv} onResend={resend} onRevoke={setRevoking} />
          ))}
        </ul>
      )}
      <InviteDialog
        open={inviting}
        onClose={() => setInviting(false)}
        onSent={(result) => {
          setInviting(false);
          sent(result);
        }}
      />
      <InviteLinkDialog sent={linkFor} onClose={() => setLinkFor(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('accounts.invitations.revokeTitle', { email: revoking?.email ?? '' })}
        confirmLabel={t('accounts.invitations.revoke')}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          const target = revoking;
          setRevoking(null);
          if (target)
            invitationsApi
              .revoke(target.id)
              .then(load, (cause: unknown) => setNotice(accountErrorMessage(t, cause)));
        }}
      >
        <p>{t('accounts.invitations.revokeText')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** One open invitation: who, role, expiry, Resend and Withdraw. */
function InvitationRow({
  invitation: inv,
  onResend,
  onRevoke,
}: {
  invitation: TInvitationDto;
  onResend: (id: string) => void;
  onRevoke: (invitation: TInvitationDto) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <li className="invitations__row" data-testid="invitation-row">
      <div className="invitations__who">
        <bdi className="settings-user__name">{inv.name}</bdi>
        <bdi className="settings-user__email">{inv.email}</bdi>
      </div>
      <span className="badge">{t(`roles.${inv.role}`)}</span>
      <span className={inv.status === 'expired' ? 'crm-status crm-status--lost' : 'field__hint'}>
        {inv.status === 'expired'
          ? t('accounts.invitations.expired')
          : t('accounts.invitations.expires', { when: formatTimestamp(inv.expiresAt, lang) })}
      </span>
      <span className="invitations__actions">
        <button type="button" className="btn btn--sm" onClick={() => onResend(inv.id)}>
          {t('accounts.invitations.resend')}
        </button>
        <button
          type="button"
          className="btn btn--sm btn--ghost settings-danger"
          onClick={() => onRevoke(inv)}
        >
          {t('accounts.invitations.revoke')}
        </button>
      </span>
    </li>
  );
}

/** Without SMTP: the one-time link to pass on, with a copy button. */
function InviteLinkDialog({ sent, onClose }: { sent: TInvitationSentDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={sent !== null}
      title={t('accounts.invitations.linkTitle')}
      onClose={onClose}
      footer={
        <button type="button" className="btn btn--primary" onClick={onClose}>
          {t('accounts.invitations.done')}
        </button>
      }
    >
      <p>{t('accounts.invitations.linkText', { email: sent?.invitation.email ?? '' })}</p>
      <pre className="pb-snippet">
        <code data-testid="invite-link">{sent?.inviteUrl}</code>
      </pre>
      {sent?.inviteUrl && <CopyButton text={sent.inviteUrl} label={t('accounts.invitations.copy')} />}
    </Dialog>
  );
}
