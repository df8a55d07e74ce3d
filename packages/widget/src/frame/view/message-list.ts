import type { TMessageDto } from '@charla/protocol';
import { isRichTextEmpty, isVisitorVisibleEvent, renderHtml } from '../lib/protocol-runtime';
import { pendingItems, visibleMessages, type TChatState } from '../state/chat-state';
import type { TOutboxItem } from '../state/outbox';
import { failureTextKey, type TTranslate } from '../i18n';
import type { TWidgetConfig } from '../../shared/widget-config';
import { messageFiles, pendingFiles, type TFileLinks } from './attachment-view';
import { avatar } from './avatar';
import { h, icon, ICONS } from './dom';

type TRow =
  | { key: string; kind: 'message'; message: TMessageDto; first: boolean; last: boolean; meta: string }
  | { key: string; kind: 'event'; text: string }
  | { key: string; kind: 'pending'; item: TOutboxItem }
  | { key: 'typing'; kind: 'typing'; name: string; picture: string | null };

function authorKey(message: TMessageDto): string {
  return message.author.kind === 'visitor'
    ? 'visitor'
    : `${message.author.kind}:${message.author.id ?? message.author.name}`;
}

function eventText(message: TMessageDto, t: TTranslate): string | null {
  const event = message.event;
  if (!event || !isVisitorVisibleEvent(event)) return null;
  if (event.type === 'joined') return t('joined', { name: event.userName });
  if (event.type === 'reassigned') return t('joined', { name: event.toName });
  // 'closed' is said by the composer's end panel, which stays in view.
  return null;
}

/** The rows to show, in order: stored messages, then the visitor's unacknowledged ones, then "typing…". */
export function rowsOf(state: TChatState, t: TTranslate, botTyping: boolean, config: TWidgetConfig): TRow[] {
  const rows: TRow[] = [];
  // Events the visitor may not see, and body-less messages (a question re-asked only through its
  // interaction), take no room in the conversation.
  const shown = visibleMessages(state).filter((m) =>
    m.event ? eventText(m, t) !== null : !isRichTextEmpty(m.body) || m.attachments.length > 0,
  );
  const lastVisitorSeq = [...shown].reverse().find((m) => m.author.kind === 'visitor')?.seq ?? -1;
  shown.forEach((message, i) => {
    const text = eventText(message, t);
    if (text !== null) {
      rows.push({ key: message.id, kind: 'event', text });
      return;
    }
    const prev = shown[i - 1];
    const next = shown[i + 1];
    const same = (other: TMessageDto | undefined): boolean =>
      Boolean(other && !other.event && authorKey(other) === authorKey(message));
    // "Sent" / "Seen" only mean something while a person is on the other side.
    const live = state.conversation?.status === 'waiting' || state.conversation?.status === 'assigned';
    let meta = '';
    if (live && message.seq === lastVisitorSeq && message.author.kind === 'visitor') {
      meta = (state.conversation?.userReadSeq ?? 0) >= message.seq ? t('seen') : t('sent');
    }
    rows.push({
      key: message.clientMsgId ?? message.id,
      kind: 'message',
      message,
      first: !same(prev),
      last: !same(next),
      meta,
    });
  });
  for (const item of pendingItems(state)) rows.push({ key: item.clientMsgId, kind: 'pending', item });
  const agent = state.conversation?.agent;
  if (state.agentTyping)
    rows.push({ key: 'typing', kind: 'typing', name: state.agentTyping, picture: agent?.avatarUrl ?? null });
  // The bot "types" while its messages are paced and while it works on a card (wait, HTTP request).
  else if (botTyping || state.conversation?.botWorking)
    rows.push({
      key: 'typing',
      kind: 'typing',
      name: config.appearance.botName,
      picture: config.appearance.avatarUrl,
    });
  return rows;
}

function signatureOf(row: TRow): string {
  switch (row.kind) {
    case 'message':
      return `m${row.message.seq}|${row.first}|${row.last}|${row.meta}`;
    case 'pending':
      return `p|${row.item.state}`;
    case 'event':
      return `e|${row.text}`;
    case 'typing':
      return `t|${row.name}`;
  }
}

function dots(): HTMLElement {
  return h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i'));
}

function pendingRow(
  t: TTranslate,
  onRetry: (clientMsgId: string) => void,
  row: Extract<TRow, { kind: 'pending' }>,
): HTMLElement {
  const { item } = row;
  const files = item.payload.kind === 'send' ? (item.payload.attachments ?? []) : [];
  const failed = item.state === 'failed';
  const meta = failed
    ? h(
        'p',
        { class: 'meta meta-failed' },
        icon(ICONS.alert),
        `${t(failureTextKey(item.error))} `,
        h(
          'button',
          { type: 'button', class: 'link-btn', onclick: () => onRetry(item.clientMsgId) },
          t('retry'),
        ),
      )
    : h('p', { class: 'meta' }, t('sending'));
  return h(
    'div',
    { class: `row out first last${failed ? ' failed' : ' pending'}` },
    files.length > 0 ? pendingFiles(files) : null,
    item.text ? h('div', { class: 'bubble' }, item.text) : null,
    meta,
  );
}

function bubbleOf(message: TMessageDto): HTMLElement | null {
  // A message of files alone has no caption, and no empty bubble.
  if (message.attachments.length > 0 && isRichTextEmpty(message.body)) return null;
  const bubble = h('div', { class: `bubble rt${message.isError ? ' error' : ''}` });
  // renderHtml is the one sanitising renderer: escaped text, allowlisted tags, URLs re-checked.
  bubble.innerHTML = renderHtml(message.body);
  if (message.isError) bubble.prepend(icon(ICONS.alert));
  return bubble;
}

function messageRow(t: TTranslate, links: TFileLinks, row: Extract<TRow, { kind: 'message' }>): HTMLElement {
  const { message } = row;
  const mine = message.author.kind === 'visitor';
  const bubble = bubbleOf(message);
  const files = message.attachments.length > 0 ? messageFiles(t, links, message) : null;
  const classes = `row ${mine ? 'out' : 'in'}${row.first ? ' first' : ''}${row.last ? ' last' : ''}`;
  const picture = mine
    ? null
    : row.last
      ? avatar(message.author.name, message.author.avatarUrl)
      : h('span', { class: 'av-space' });
  const name =
    !mine && row.first && message.author.kind === 'user'
      ? h('p', { class: 'author' }, message.author.name)
      : null;
  const body = mine && !files ? bubble : h('div', { class: 'stack' }, name, files, bubble);
  return h('div', { class: classes }, picture, body, row.meta ? h('p', { class: 'meta' }, row.meta) : null);
}

type TRowActions = { onRetry: (clientMsgId: string) => void; links: TFileLinks };

function buildRow(t: TTranslate, actions: TRowActions, row: TRow): HTMLElement {
  switch (row.kind) {
    case 'event':
      return h('p', { class: 'sys' }, row.text);
    case 'typing':
      return h(
        'div',
        { class: 'row in first last' },
        avatar(row.name, row.picture),
        h(
          'div',
          { class: 'bubble typing' },
          dots(),
          h('span', { class: 'sr' }, t('typing', { name: row.name })),
        ),
      );
    case 'pending':
      return pendingRow(t, actions.onRetry, row);
    case 'message':
      return messageRow(t, actions.links, row);
  }
}

/** The scrolling conversation; rows are reconciled by key so only what changed is redrawn. */
export function createMessageList(t: TTranslate, actions: TRowActions) {
  const list = h('div', { class: 'log-inner' });
  const el = h(
    'div',
    { class: 'log', role: 'log', 'aria-label': t('messages'), 'aria-live': 'off', tabindex: '0' },
    list,
  );
  const rendered = new Map<string, { node: HTMLElement; signature: string }>();
  // Follow new messages while the visitor is at the bottom, also when the window is resized
  // (phone rotation, on-screen keyboard); leave them be once they scrolled up to read.
  let atBottom = true;
  let scrollQueued = false;
  // Once per frame, after layout has happened anyway: reading scrollHeight mid-render would force
  // a synchronous layout on every update.
  const toBottom = (): void => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => {
      scrollQueued = false;
      el.scrollTop = el.scrollHeight;
    });
  };
  el.addEventListener('scroll', () => {
    atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  });
  new ResizeObserver(() => {
    if (atBottom) toBottom();
  }).observe(el);

  return {
    el,
    render(rows: TRow[]): void {
      const stick = atBottom;
      const keep = new Set(rows.map((row) => row.key));
      for (const [key, entry] of rendered) {
        if (!keep.has(key)) {
          entry.node.remove();
          rendered.delete(key);
        }
      }
      let cursor: ChildNode | null = list.firstChild;
      for (const row of rows) {
        const signature = signatureOf(row);
        let entry = rendered.get(row.key);
        if (!entry || entry.signature !== signature) {
          const node = buildRow(t, actions, row);
          if (entry) {
            if (entry.node === cursor) cursor = node;
            entry.node.replaceWith(node);
          }
          entry = { node, signature };
          rendered.set(row.key, entry);
        }
        if (entry.node !== cursor) list.insertBefore(entry.node, cursor);
        cursor = entry.node.nextSibling;
      }
      if (stick) toBottom();
    },
    scrollToEnd(): void {
      atBottom = true;
      toBottom();
    },
  };
}
