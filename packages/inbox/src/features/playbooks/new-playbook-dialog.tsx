import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_PLAYBOOK_NAME_CHARS,
  type TLanguage,
  type TPlaybookTemplateDto,
  type TPlaybookTemplateId,
} from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { fieldErrorsOf } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { charsLeft } from './chars-left';
import { CharsLeftHint } from './chars-left-hint';
import { playbooksApi } from './playbooks-api';
import { LanguageOptions } from '../../components/language-options';

/** Name, language and starting point (blank or a template, R5) of a new playbook. */
export function NewPlaybookDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [templates, setTemplates] = useState<TPlaybookTemplateDto[]>([]);
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState<TPlaybookTemplateId>('live_chat');
  const [language, setLanguage] = useState<TLanguage>(lang);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName('');
    setError(null);
    playbooksApi.templates().then(setTemplates, () => setError(t('errors.generic')));
  }, [open, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await playbooksApi.create(name.trim(), templateId, language);
      onCreated(created.id);
    } catch (cause) {
      setError(fieldErrorsOf(cause).name ?? t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={open}
      size="md"
      title={t('playbooks.new.title')}
      onClose={onClose}
      formId="new-playbook"
      submitLabel={t('playbooks.new.create')}
      canSubmit={!(busy || !name.trim())}
      error={error}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor="pb-new-name">{t('playbooks.new.name')}</label>
        <input
          id="pb-new-name"
          value={name}
          maxLength={MAX_PLAYBOOK_NAME_CHARS}
          aria-describedby={
            charsLeft(name.length, MAX_PLAYBOOK_NAME_CHARS) === null ? undefined : 'pb-new-name-count'
          }
          required
          autoFocus
          placeholder={t('playbooks.new.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
        <CharsLeftHint id="pb-new-name-count" length={name.length} max={MAX_PLAYBOOK_NAME_CHARS} />
      </div>
      <TemplateChoices templates={templates} value={templateId} onChange={setTemplateId} />
      <div className="field">
        <label htmlFor="pb-new-language">{t('playbooks.new.language')}</label>
        <select
          id="pb-new-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as TLanguage)}
        >
          <LanguageOptions />
        </select>
        <span className="field__hint">{t('playbooks.new.languageHint')}</span>
      </div>
    </FormDialog>
  );
}

/** Blank or a template (R5), as radio cards with their descriptions. */
function TemplateChoices({
  templates,
  value,
  onChange,
}: {
  templates: TPlaybookTemplateDto[];
  value: TPlaybookTemplateId;
  onChange: (id: TPlaybookTemplateId) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <fieldset className="pb-templates">
      <legend>{t('playbooks.new.startFrom')}</legend>
      {templates.map((template) => (
        <label key={template.id} className={`pb-template ${value === template.id ? 'pb-template--on' : ''}`}>
          <input
            type="radio"
            name="template"
            value={template.id}
            checked={value === template.id}
            onChange={() => onChange(template.id)}
          />
          <span>
            <span className="pb-template__name">{template.name[lang]}</span>
            <span className="pb-template__text">{template.description[lang]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
