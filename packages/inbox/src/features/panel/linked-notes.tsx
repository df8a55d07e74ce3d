import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linesToRichText, renderHtml, type TCrmNoteDto, type TPanelLinkedRecords } from '@charla/protocol';
import { api } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { crmApi } from '../crm/crm-api';
import { formatDateTime } from '../crm/crm-format';
import { localizeTimestamps } from '../crm/note-times';

/** The linked deal's (else lead's) notes, newest first, and a box that adds one to it. */
export function LinkedNotes({
  linked,
  conversationId,
  readOnly,
}: {
  linked: TPanelLinkedRecords;
  conversationId: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<TCrmNoteDto[] | null>(null);
  const [draft, setDraft] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'error'>('idle');
  const target = linked.deal ? { dealId: linked.deal.id } : { leadId: linked.lead?.id ?? '' };
  const key = 'dealId' in target ? target.dealId : target.leadId;

  const load = useCallback(() => {
    crmApi.notes({ [linked.deal ? 'dealId' : 'leadId']: key, limit: 20 }).then(
      (page) => setNotes(page.items),
      () => setNotes([]),
    );
  }, [key, linked.deal]);
  useEffect(load, [load]);

  const add = async () => {
    if (draft.trim() === '') return;
    setState('saving');
    try {
      await api.post('/crm/notes', {
        body: linesToRichText(draft),
        ...target,
        personId: linked.person?.id ?? null,
        organizationId: linked.organization?.id ?? null,
        conversationId,
      });
      setDraft('');
      setState('idle');
      load();
    } catch {
      setState('error');
    }
  };

  return (
    <section className="panel-section" aria-labelledby="panel-notes-title">
      <h3 id="panel-notes-title" className="panel-section__title">
        <label htmlFor="panel-note-draft">{t('panel.notes')}</label>
      </h3>
      {!readOnly && <NoteDraft draft={draft} onDraft={setDraft} state={state} onAdd={() => void add()} />}
      {notes && notes.length > 0 && <NoteList notes={notes} />}
    </section>
  );
}

/** The box that adds a note, with its button and its error. */
function NoteDraft({
  draft,
  onDraft,
  state,
  onAdd,
}: {
  draft: string;
  onDraft: (text: string) => void;
  state: 'idle' | 'saving' | 'error';
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="panel-note-add">
      <textarea
        id="panel-note-draft"
        className="textarea"
        rows={3}
        value={draft}
        onChange={(e) => onDraft(e.target.value)}
        placeholder={t('panel.notesPlaceholder')}
        data-testid="panel-note-draft"
      />
      <button
        type="button"
        className="btn btn--sm"
        onClick={onAdd}
        disabled={state === 'saving' || draft.trim() === ''}
      >
        {state === 'saving' ? t('panel.saving') : t('panel.addNote')}
      </button>
      {state === 'error' && (
        <p className="form__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
    </div>
  );
}

/** The notes, newest first, their times in the viewer's language. */
function NoteList({ notes }: { notes: TCrmNoteDto[] }) {
  const lang = currentLanguage();
  return (
    <ul className="crm-notes crm-notes--panel">
      {notes.map((n) => (
        <li key={n.id}>
          <div
            className="rich"
            dangerouslySetInnerHTML={{ __html: renderHtml(localizeTimestamps(n.body, lang)) }}
          />
          <span className="pb-muted">{formatDateTime(n.createdAt, lang)}</span>
        </li>
      ))}
    </ul>
  );
}
