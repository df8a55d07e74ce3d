import type { TInteraction } from '@charla/protocol';
import { MAX_ANSWER_CHARS, MAX_MESSAGE_CHARS, checkLength } from '@charla/protocol/client';
import { composerMode, disabledHint, type TChatState, type TComposerMode } from '../state/chat-state';
import type { TTranslate } from '../i18n';
import { h, icon, ICONS } from './dom';

export type TComposerActions = {
  chooseOption: (optionId: string, label: string) => void;
  submitText: (text: string) => void;
  skip: (label: string) => void;
  typing: (draft: string) => void;
  startNew: () => void;
};

type TInputField = Extract<TInteraction, { kind: 'input' }>['field'];

const FIELD_ATTRS: Record<TInputField, { type: string; autocomplete: string; inputmode: string }> = {
  name: { type: 'text', autocomplete: 'name', inputmode: 'text' },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email' },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel' },
  company: { type: 'text', autocomplete: 'organization', inputmode: 'text' },
  custom: { type: 'text', autocomplete: 'off', inputmode: 'text' },
  text: { type: 'text', autocomplete: 'off', inputmode: 'text' },
};

function modeKey(mode: TComposerMode): string {
  if (mode.kind === 'buttons') return `b:${mode.interaction.options.map((o) => o.id).join(',')}`;
  if (mode.kind === 'input')
    return `i:${mode.interaction.field}:${mode.interaction.placeholder ?? ''}:${mode.interaction.skippable}`;
  return mode.kind;
}

/** The text box (an answer's field or a chat message) with its length counter and Send. */
function textForm(
  t: TTranslate,
  actions: TComposerActions,
  mode: TComposerMode,
): { node: HTMLElement; field: HTMLTextAreaElement | HTMLInputElement } {
  const interaction = mode.kind === 'input' ? mode.interaction : null;
  const enabled = mode.kind === 'input' || mode.kind === 'chat';
  const placeholder = interaction?.placeholder ?? t(enabled ? 'placeholder' : disabledHint(mode));
  const attrs = interaction ? FIELD_ATTRS[interaction.field] : null;
  const input: HTMLTextAreaElement | HTMLInputElement = attrs
    ? h('input', { ...attrs, class: 'field', name: 'answer', enterkeyhint: 'send' })
    : h('textarea', { class: 'field', name: 'message', rows: 1, enterkeyhint: 'send' });
  // No maxlength: a paste over the limit would be cut silently. The counter says it instead.
  const max = interaction ? MAX_ANSWER_CHARS : MAX_MESSAGE_CHARS;
  const counter = h('p', { class: 'counter', id: 'composer-counter', 'aria-live': 'polite', hidden: true });
  input.setAttribute('aria-describedby', 'composer-counter');
  input.placeholder = placeholder;
  input.setAttribute('aria-label', enabled ? t('messageLabel') : placeholder);
  input.disabled = !enabled;

  const showLength = (): void => {
    const check = checkLength(input.value.trim(), max);
    counter.hidden = !check.near;
    counter.classList.toggle('over', check.over);
    counter.textContent = check.over
      ? t('tooLong', { count: String(check.length - max) })
      : t('charsLeft', { count: String(max - check.length) });
    send.disabled = !enabled || check.over;
    input.setAttribute('aria-invalid', String(check.over));
  };
  const submit = (event?: Event): void => {
    event?.preventDefault();
    const value = input.value;
    if (!value.trim() || checkLength(value.trim(), max).over) return;
    actions.submitText(value);
    input.value = '';
    autosize();
    showLength();
  };
  const autosize = (): void => {
    if (!(input instanceof HTMLTextAreaElement)) return;
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
  };
  input.addEventListener('input', () => {
    autosize();
    showLength();
    actions.typing(input.value);
  });
  input.addEventListener('keydown', (event: Event) => {
    const key = event as KeyboardEvent;
    if (key.key === 'Enter' && !key.shiftKey && !key.isComposing) submit(event);
  });

  const send = h(
    'button',
    { type: 'submit', class: 'send', 'aria-label': t('send'), title: t('send'), disabled: !enabled },
    icon(ICONS.send),
  );
  const form = h('form', { class: 'form', novalidate: true, onsubmit: submit }, input, send);
  const skip = interaction?.skippable
    ? h(
        'button',
        { type: 'button', class: 'link-btn skip', onclick: () => actions.skip(t('skip')) },
        t('skip'),
      )
    : null;
  return { node: h('div', {}, form, counter, skip), field: input };
}

function buttons(
  actions: TComposerActions,
  interaction: Extract<TInteraction, { kind: 'buttons' }>,
): HTMLElement {
  return h(
    'div',
    { class: 'choices', role: 'group' },
    ...interaction.options.map((option) =>
      h(
        'button',
        { type: 'button', class: 'choice', onclick: () => actions.chooseOption(option.id, option.label) },
        option.label,
      ),
    ),
  );
}

function ended(t: TTranslate, actions: TComposerActions): HTMLElement {
  return h(
    'div',
    { class: 'ended' },
    h('p', {}, t('ended')),
    h('button', { type: 'button', class: 'primary', onclick: actions.startNew }, t('startNew')),
  );
}

/**
 * The bottom of the chat: the bot's answer buttons, a typed answer (with the right keyboard), the
 * live chat message box, or "Start a new conversation" after the end. Answers are checked by the
 * server against the playbook's rules; its message (the admin's wording) comes back as an error bubble.
 */
export function createComposer(t: TTranslate, actions: TComposerActions) {
  const el = h('div', { class: 'composer', tabindex: '-1' });
  let renderedKey = '';
  let field: HTMLTextAreaElement | HTMLInputElement | null = null;

  /** Puts the keyboard where the visitor acts next: the first answer, the text box, or "start again". */
  const focus = (): void => {
    // With nothing to act on yet (the bot is still talking), focus stays in the composer area.
    const target =
      el.querySelector<HTMLElement>('.choice, .primary') ?? (field && !field.disabled ? field : el);
    target.focus({ preventScroll: true });
  };

  return {
    el,
    focus,
    render(state: TChatState): boolean {
      const mode = composerMode(state);
      const key = modeKey(mode);
      if (key === renderedKey) return false;
      const hadFocus = el.contains(document.activeElement);
      renderedKey = key;
      field = null;
      if (mode.kind === 'ended') el.replaceChildren(ended(t, actions));
      else {
        const form = textForm(t, actions, mode);
        field = form.field;
        if (mode.kind === 'buttons') el.replaceChildren(buttons(actions, mode.interaction), form.node);
        else el.replaceChildren(form.node);
      }
      if (hadFocus) focus();
      return true;
    },
  };
}
