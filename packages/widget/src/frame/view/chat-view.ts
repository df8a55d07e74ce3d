import type { TChatController } from '../chat-controller';
import { visibleMessages, type TChatState } from '../state/chat-state';
import type { TTranslate } from '../i18n';
import type { TWidgetConfig } from '../../shared/widget-config';
import { createAnnouncer } from './announcer';
import { createComposer, type TComposerActions } from './composer';
import { h } from './dom';
import { acceptFileDrops } from './file-drop';
import { createHeader } from './header';
import { createMessageList, rowsOf } from './message-list';
import { createStatusBanner } from './status-banner';
import { createRatingCard } from './rating-card';
import type { TRatingApi } from '../net/rating-api';
import type { TTranscriptApi } from '../net/transcript-api';
import { createTranscriptRequest } from './transcript-request';

/** The whole chat window, drawn from the controller's state on every change. */
export function mountChatView(
  root: HTMLElement,
  config: TWidgetConfig,
  t: TTranslate,
  chat: TChatController,
  onMinimize: () => void,
  ratingApi: TRatingApi,
  transcriptApi: TTranscriptApi,
) {
  const header = createHeader(config, t, onMinimize);
  const banner = createStatusBanner(t);
  const list = createMessageList(t, { onRetry: (id) => chat.retry(id), links: chat.fileLinks });
  const composer = createComposer(
    t,
    followingSends(chat, () => list.scrollToEnd()),
  );
  const rating = createRatingCard(t, ratingApi);
  const transcript = createTranscriptRequest(t, transcriptApi);
  const announcer = createAnnouncer((message) =>
    message.event?.type === 'joined'
      ? t('joined', { name: message.event.userName })
      : message.event?.type === 'closed'
        ? t('ended')
        : null,
  );
  const notice = h('p', { class: 'notice', role: 'alert', hidden: true });
  const privacy = config.privacyUrl
    ? [' · ', h('a', { href: config.privacyUrl, target: '_blank', rel: 'noopener noreferrer' }, t('privacy'))]
    : [];
  const footer = h('p', { class: 'brand' }, t('poweredBy'), ...privacy);
  root.replaceChildren(
    header.el,
    banner.el,
    list.el,
    notice,
    h('footer', { class: 'foot' }, rating.el, transcript.el, composer.el, footer),
    announcer.el,
  );
  acceptFileDrops(root, t, composer.acceptsFiles, composer.addFiles);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onMinimize();
  });

  let conversationId: string | null = null;
  const render = (state: TChatState): void => {
    const id = state.conversation?.id ?? null;
    if (id !== conversationId) {
      conversationId = id;
      announcer.reset();
    }
    header.render(state);
    banner.render(state);
    list.render(rowsOf(state, t, chat.isBotTyping(), config));
    notice.hidden = state.notice === null;
    notice.textContent = state.notice ?? '';
    rating.render(state);
    transcript.render(state);
    composer.render(state);
    announcer.render(visibleMessages(state));
  };
  chat.subscribe(render);
  render(chat.getState());

  return {
    /** Called when the window opens: show the latest message and put focus where the visitor acts. */
    focus(): void {
      list.scrollToEnd();
      composer.focus();
    },
  };
}

/**
 * The visitor's own sends (a message, files, an answer, a skip) bring the conversation back to its
 * latest message, where what they sent appears, even after they had scrolled up to read.
 */
export function followingSends(actions: TComposerActions, toEnd: () => void): TComposerActions {
  return {
    ...actions,
    chooseOption: (optionId, label) => {
      toEnd();
      actions.chooseOption(optionId, label);
    },
    submitText: (text) => {
      toEnd();
      actions.submitText(text);
    },
    skip: (label) => {
      toEnd();
      actions.skip(label);
    },
  };
}
