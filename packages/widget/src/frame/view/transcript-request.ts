import type { TTranslate } from '../i18n';
import type { TTranscriptApi } from '../net/transcript-api';
import { isEnded, type TChatState } from '../state/chat-state';
import { h } from './dom';

/**
 * After the conversation ends: "Email me this conversation" (issue 20). The server sends it to the
 * address the visitor gave; when it knows none, the visitor types one here.
 */
export function createTranscriptRequest(t: TTranslate, send: TTranscriptApi) {
  const el = h('form', { class: 'transcript', hidden: true, novalidate: true });
  let conversationId: string | null = null;

  const status = (text: string, alert = false): HTMLElement =>
    h('p', { class: alert ? 'rate-error' : 'rate-thanks', role: alert ? 'alert' : 'status' }, text);

  const askAddress = (error?: string): void => {
    const input = h('input', { class: 'field', type: 'email', name: 'email', autocomplete: 'email' });
    input.setAttribute('aria-label', t('transcriptEmail'));
    input.placeholder = t('transcriptEmail');
    el.replaceChildren(input, h('button', { type: 'submit', class: 'primary' }, t('transcriptSend')));
    if (error) el.append(status(error, true));
    el.onsubmit = (event) => {
      event.preventDefault();
      request(input.value.trim());
    };
    input.focus();
  };

  const request = (to?: string): void => {
    const id = conversationId;
    if (!id) return;
    send(id, to).then(
      () => id === conversationId && el.replaceChildren(status(t('transcriptSent'))),
      (err: Error) => {
        if (id !== conversationId) return;
        if (err.message === 'TRANSCRIPT_NO_ADDRESS') return askAddress();
        if (err.message === 'VALIDATION_FAILED' || err.message === 'MAIL_ADDRESS_INVALID')
          return askAddress(t('transcriptInvalid'));
        el.replaceChildren(status(t('transcriptFailed'), true));
      },
    );
  };

  const offer = (): void => {
    el.onsubmit = null;
    el.replaceChildren(
      h('button', { type: 'button', class: 'link-btn', onclick: () => request() }, t('transcriptAsk')),
    );
  };

  return {
    el,
    render(state: TChatState): void {
      const id = isEnded(state.conversation) ? (state.conversation?.id ?? null) : null;
      if (id === conversationId) return;
      conversationId = id;
      el.hidden = id === null;
      if (id) offer();
    },
  };
}
