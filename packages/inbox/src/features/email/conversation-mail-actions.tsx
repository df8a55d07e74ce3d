import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMarkdown, type TConversationDto, type TLanguage } from '@charla/protocol';
import { newClientMsgId } from '@charla/protocol/client';
import { Dialog } from '../../components/dialog';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { Icon } from '../../lib/icons';
import { conversationMailApi } from './conversation-mail-api';
import './conversation-mail.css';
import { LanguageOptions } from '../../components/language-options';

type Notice = { text: string; error: boolean };

function errorText(cause: unknown, field: string, fallback: string): string {
  return fieldErrorsOf(cause)[field] ?? (cause instanceof ApiError ? cause.message : fallback);
}

/** "Email transcript" in the conversation header: any address, in either language (issue 20). */
export function TranscriptButton({ conversation }: { conversation: TConversationDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState<TLanguage>(conversation.language);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const start = () => {
    setTo(conversation.visitor.email ?? '');
    setLanguage(conversation.language);
    setNotice(null);
    setOpen(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const queued = await conversationMailApi.transcript(conversation.id, to.trim(), language);
      setNotice(
        queued.status === 'skipped'
          ? { text: t('conversationMail.transcriptSkipped'), error: true }
          : { text: t('conversationMail.transcriptQueued', { to: queued.to }), error: false },
      );
    } catch (cause) {
      setNotice({ text: errorText(cause, 'to', t('errors.generic')), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="icon-btn"
        onClick={start}
        aria-label={t('conversationMail.transcript')}
        title={t('conversationMail.transcript')}
        data-testid="email-transcript"
      >
        <Icon name="mail" />
      </button>
      <Dialog open={open} title={t('conversationMail.transcriptTitle')} onClose={() => setOpen(false)}>
        <TranscriptForm
          to={to}
          language={language}
          busy={busy}
          notice={notice}
          onTo={setTo}
          onLanguage={setLanguage}
          onCancel={() => setOpen(false)}
          onSubmit={(e) => void submit(e)}
        />
      </Dialog>
    </>
  );
}

type TranscriptFormProps = {
  to: string;
  language: TLanguage;
  busy: boolean;
  notice: Notice | null;
  onTo: (to: string) => void;
  onLanguage: (language: TLanguage) => void;
  onCancel: () => void;
  onSubmit: (event: FormEvent) => void;
};

function TranscriptForm({
  to,
  language,
  busy,
  notice,
  onTo,
  onLanguage,
  onCancel,
  onSubmit,
}: TranscriptFormProps) {
  const { t } = useTranslation();
  return (
    <form className="mail-action" onSubmit={onSubmit}>
      <p>{t('conversationMail.transcriptText')}</p>
      <div className="field">
        <label htmlFor="transcript-to">{t('conversationMail.transcriptTo')}</label>
        <input
          id="transcript-to"
          type="email"
          required
          maxLength={254}
          value={to}
          onChange={(e) => onTo(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="transcript-language">{t('conversationMail.transcriptLanguage')}</label>
        <select
          id="transcript-language"
          value={language}
          onChange={(e) => onLanguage(e.target.value as TLanguage)}
        >
          <LanguageOptions />
        </select>
      </div>
      {notice && (
        <p
          className={notice.error ? 'form__error' : 'settings__notice'}
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <div className="dialog__footer">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.close')}
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          disabled={busy || !to.trim()}
          data-testid="send-transcript"
        >
          {t('conversationMail.transcriptSend')}
        </button>
      </div>
    </form>
  );
}

/**
 * Below a closed conversation: write to the visitor by email (R20 keeps this one closed; the
 * server starts a linked conversation assigned to me and mails the visitor a link back).
 */
export function FollowUpByEmail({
  conversation,
  onStarted,
}: {
  conversation: TConversationDto;
  onStarted: (started: TConversationDto) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const email = conversation.visitor.email;
  if (!email)
    return (
      <p className="mail-follow-up mail-follow-up--none" data-testid="follow-up-none">
        {t('conversationMail.followUpNoEmail')}
      </p>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onStarted(
        await conversationMailApi.followUp(conversation.id, newClientMsgId('c'), parseMarkdown(text.trim())),
      );
      setText('');
    } catch (cause) {
      setError(errorText(cause, 'body', t('errors.generic')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="mail-follow-up" onSubmit={(e) => void submit(e)} data-testid="follow-up-form">
      <h3 className="mail-follow-up__title">
        <Icon name="mail" size={16} /> {t('conversationMail.followUpTitle')}
      </h3>
      <p className="mail-follow-up__text">{t('conversationMail.followUpText', { email })}</p>
      <label htmlFor="follow-up-text" className="sr-only">
        {t('conversationMail.followUpLabel')}
      </label>
      <textarea
        id="follow-up-text"
        className="textarea"
        rows={3}
        maxLength={5000}
        value={text}
        placeholder={t('conversationMail.followUpLabel')}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="btn btn--primary btn--sm"
        disabled={busy || !text.trim()}
        data-testid="send-follow-up"
      >
        {t('conversationMail.followUpSend')}
      </button>
    </form>
  );
}
