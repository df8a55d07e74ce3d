import { isEnded, type TChatState } from '../state/chat-state';
import type { TTranslate } from '../i18n';
import type { TWidgetConfig } from '../../shared/widget-config';
import { avatar } from './avatar';
import { h, icon, ICONS } from './dom';

/** Who the visitor is talking to: the bot, or the team member who joined (R12). */
export function createHeader(config: TWidgetConfig, t: TTranslate, onMinimize: () => void) {
  const picture = h('span', { class: 'hd-pic' });
  const title = h('h1', { class: 'hd-name' });
  const subtitle = h('p', { class: 'hd-sub' });
  const el = h(
    'header',
    { class: 'hd' },
    picture,
    h('div', { class: 'hd-text' }, title, subtitle),
    h(
      'button',
      {
        type: 'button',
        class: 'icon-btn',
        'aria-label': t('minimize'),
        title: t('minimize'),
        onclick: onMinimize,
      },
      icon(ICONS.minimize),
    ),
  );
  let signature = '';

  return {
    el,
    render(state: TChatState): void {
      const agent = state.conversation?.agent ?? null;
      const name = agent?.name ?? config.appearance.botName;
      const status = state.conversation?.status ?? 'bot';
      const ended = isEnded(state.conversation);
      const sub = ended
        ? t('endedSubtitle')
        : agent
          ? t('agentSubtitle')
          : status === 'waiting'
            ? t('waitingSubtitle')
            : t('botSubtitle');
      const next = `${name}|${agent?.avatarUrl ?? config.appearance.avatarUrl ?? ''}|${sub}|${status}`;
      if (next === signature) return;
      signature = next;
      picture.replaceChildren(
        avatar(name, agent ? agent.avatarUrl : config.appearance.avatarUrl, 'av av-lg'),
      );
      picture.classList.toggle('online', Boolean(agent) && status === 'assigned');
      title.textContent = name;
      subtitle.textContent = sub;
    },
  };
}
