import { useTranslation } from 'react-i18next';
import { parseMarkdown, toPlainText } from '@charla/protocol';
import { StrokeIcon } from '../../lib/icons';
import { Link } from '../../lib/router';
import type { CannedPicker } from './use-canned-picker';
import './canned.css';

// The paperclip of a response with files (the admin icon set does not ship with the composer).
const PAPERCLIP =
  'M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48';

export const cannedListboxId = (conversationId: string) => `canned-list-${conversationId}`;
export const cannedOptionId = (conversationId: string, index: number) =>
  `canned-opt-${conversationId}-${index}`;

/** The textarea's side of the list (ARIA: a text box that autocompletes from a listbox). */
export function cannedInputProps(picker: CannedPicker, conversationId: string) {
  const showing = picker.isOpen && picker.matches.length > 0;
  return {
    'aria-autocomplete': 'list' as const,
    'aria-controls': picker.isOpen ? cannedListboxId(conversationId) : undefined,
    'aria-activedescendant': showing ? cannedOptionId(conversationId, picker.active) : undefined,
  };
}

/** The `/` list above the composer: matches with their shortcut, scope and a preview. */
export function CannedPopup({ picker, conversationId }: { picker: CannedPicker; conversationId: string }) {
  const { t } = useTranslation();
  if (!picker.isOpen) return null;
  return (
    <div className="canned-popup" data-testid="canned-popup">
      <p className="canned-popup__head" aria-live="polite">
        {picker.loading
          ? t('common.loading')
          : picker.matches.length === 0
            ? t('canned.popup.none', { query: picker.query })
            : t('canned.popup.count', { count: picker.matches.length })}
      </p>
      <ul id={cannedListboxId(conversationId)} role="listbox" aria-label={t('canned.popup.label')}>
        {picker.matches.map((response, index) => (
          <li
            key={response.id}
            id={cannedOptionId(conversationId, index)}
            role="option"
            aria-selected={index === picker.active}
            className={`canned-option${index === picker.active ? ' canned-option--active' : ''}`}
            // Keep the caret in the composer: the click inserts, the textarea keeps focus.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => picker.setActive(index)}
            onClick={() => void picker.pick(response)}
            data-testid="canned-option"
          >
            <span className="canned-option__top">
              <span className="canned-option__title">{response.title}</span>
              <span className="canned-option__shortcut">/{response.shortcut}</span>
              {response.files.length > 0 && (
                <span
                  className="canned-option__files"
                  title={t('canned.files.count', { count: response.files.length })}
                >
                  <StrokeIcon d={PAPERCLIP} size={12} aria-hidden="true" />
                  <span className="sr-only">{t('canned.files.count', { count: response.files.length })}</span>
                  <span aria-hidden="true">{response.files.length}</span>
                </span>
              )}
              <span className={`canned-scope canned-scope--${response.scope}`}>
                {t(`canned.scope.${response.scope}`)}
              </span>
            </span>
            <span className="canned-option__preview">{toPlainText(parseMarkdown(response.body))}</span>
          </li>
        ))}
      </ul>
      <p className="canned-popup__foot">
        <span className="canned-popup__keys">{t('canned.popup.keys')}</span>
        <Link to="/settings/canned-responses" onMouseDown={(event) => event.preventDefault()}>
          {t('canned.popup.manage')}
        </Link>
      </p>
    </div>
  );
}
