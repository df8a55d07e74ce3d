import type { TInteraction } from '@charla/protocol';
import {
  MAX_ANSWER_CHARS,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_MESSAGE_CHARS,
  canSendTray,
  checkLength,
  type TTrayFile,
} from '@charla/protocol/client';
import { composerMode, disabledHint, type TChatState, type TComposerMode } from '../state/chat-state';
import type { TTranslate } from '../i18n';
import { h, icon, ICONS } from './dom';
import { attachButton, createTrayView, type TTrayActions } from './tray-view';

export type TComposerActions = TTrayActions & {
  /** Files picked, dropped or pasted; answers how many did not fit the message. */
  addFiles: (files: readonly File[]) => number;
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
  files: { tray: () => readonly TTrayFile[]; add: (files: File[]) => void },
): { node: HTMLElement; field: HTMLTextAreaElement | HTMLInputElement; refresh: () => void } {
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
    send.disabled = !enabled || check.over || !canSubmit(input.value);
    input.setAttribute('aria-invalid', String(check.over));
  };
  // In live chat, uploaded files alone make a message (the text is then their optional caption).
  const chat = mode.kind === 'chat';
  const canSubmit = (value: string): boolean =>
    chat ? canSendTray(files.tray(), value) : value.trim() !== '';
  const submit = (event?: Event): void => {
    event?.preventDefault();
    const value = input.value;
    if (!canSubmit(value) || checkLength(value.trim(), max).over) return;
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
  if (chat)
    input.addEventListener('paste', (event: Event) => {
      const pasted = Array.from((event as ClipboardEvent).clipboardData?.files ?? []);
      if (pasted.length === 0) return;
      event.preventDefault();
      files.add(pasted);
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
  const attach = chat ? attachButton(t, files.add) : null;
  const form = h('form', { class: 'form', novalidate: true, onsubmit: submit }, attach, input, send);
  const skip = interaction?.skippable
    ? h(
        'button',
        { type: 'button', class: 'link-btn skip', onclick: () => actions.skip(t('skip')) },
        t('skip'),
      )
    : null;
  showLength();
  return { node: h('div', {}, form, counter, skip), field: input, refresh: showLength };
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
  const trayView = createTrayView(t, actions);
  const body = h('div', {});
  const el = h('div', { class: 'composer', tabindex: '-1' }, trayView.el, body);
  let renderedKey = '';
  let field: HTMLTextAreaElement | HTMLInputElement | null = null;
  let refresh = (): void => {};
  let tray: readonly TTrayFile[] = [];
  const files = {
    tray: () => tray,
    add: (picked: File[]): void => {
      if (actions.addFiles(picked) > 0) trayView.sayLeftOut(MAX_ATTACHMENTS_PER_MESSAGE);
    },
  };

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
    /** Files are taken (picked, dropped, pasted) only while the visitor chats with the team. */
    acceptsFiles: (): boolean => renderedKey === 'chat',
    addFiles: files.add,
    render(state: TChatState): boolean {
      const mode = composerMode(state);
      const key = modeKey(mode);
      tray = mode.kind === 'chat' ? state.tray : [];
      trayView.render(tray);
      refresh();
      if (key === renderedKey) return false;
      const hadFocus = el.contains(document.activeElement);
      renderedKey = key;
      field = null;
      refresh = () => {};
      if (mode.kind === 'ended') body.replaceChildren(ended(t, actions));
      else {
        const form = textForm(t, actions, mode, files);
        field = form.field;
        refresh = form.refresh;
        if (mode.kind === 'buttons') body.replaceChildren(buttons(actions, mode.interaction), form.node);
        else body.replaceChildren(form.node);
      }
      if (hadFocus) focus();
      return true;
    },
  };
}
