import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renderHtml, type TPlaybookDocument, type TRichText, type TRunInput } from '@charla/protocol';
import { readableTextOn } from './contrast';
import { formatMoney } from '../crm/crm-format';
import type { PreviewCrmItem, PreviewLine, PreviewRun } from './preview-run';

/** The widget's colours as the CSS variables the preview's styles read (texts always readable). */
function widgetStyle(colors: TPlaybookDocument['appearance']['colors']): CSSProperties {
  return {
    '--w-primary': colors.primary,
    '--w-primary-text': colors.primaryText,
    '--w-bg': colors.background,
    '--w-bg-text': readableTextOn(colors.background),
    '--w-bot': colors.botBubble,
    '--w-bot-text': readableTextOn(colors.botBubble),
    '--w-me': colors.visitorBubble,
    '--w-me-text': readableTextOn(colors.visitorBubble),
  } as CSSProperties;
}

/** What the end card would create in the CRM (issue 18: the preview shows it, never creates it). */
function CrmPreview({ items }: { items: PreviewCrmItem[] }) {
  const { t, i18n } = useTranslation();
  const dueText = (minutes: number): string => {
    if (minutes === 0) return t('playbooks.preview.crm.dueNow');
    if (minutes < 24 * 60)
      return t('playbooks.preview.crm.dueInHours', { count: Math.max(1, Math.round(minutes / 60)) });
    return t('playbooks.preview.crm.dueIn', { count: Math.round(minutes / (24 * 60)) });
  };
  const detail = (item: PreviewCrmItem): string => {
    switch (item.kind) {
      case 'person':
        return item.name || t('playbooks.preview.crm.unnamed');
      case 'deal':
        return item.value ? `${item.name} · ${formatMoney(item.value, i18n.language)}` : item.name;
      case 'activity':
        return `${item.name} · ${dueText(item.dueInMinutes)}`;
      case 'note':
        return t('playbooks.preview.crm.transcript');
      default:
        return item.name;
    }
  };
  return (
    <div className="pb-crm" data-testid="preview-crm">
      <p className="pb-crm__title">{t('playbooks.preview.crm.title')}</p>
      <ul className="pb-crm__list">
        {items.map((item) => (
          <li key={item.kind}>
            <span className="pb-crm__kind">{t(`playbooks.preview.crm.${item.kind}`)}</span>
            <span className="pb-crm__name">{detail(item)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The bot's picture as the widget draws it: the image, else the name's first letter. */
function BotAvatar({ name, url, className }: { name: string; url: string | null; className: string }) {
  if (url) return <img className={className} src={url} alt="" referrerPolicy="no-referrer" />;
  return (
    <span className={`${className} ${className}--letter`} aria-hidden="true">
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}

type Bot = { name: string; avatarUrl: string | null };
type BotLine = Extract<PreviewLine, { kind: 'bot' | 'error' }>;

/** Whether the bot says this line (a message, or its refusal of an answer). */
const isBotLine = (line: PreviewLine | undefined): line is BotLine =>
  line?.kind === 'bot' || line?.kind === 'error';

/** A line of the bot, with its picture beside the last of a run, as the widget's message list draws it. */
function BotRow({ line, bot, last }: { line: BotLine; bot: Bot; last: boolean }) {
  return (
    <div className="pb-msg">
      {last ? (
        <BotAvatar name={bot.name} url={bot.avatarUrl} className="pb-msg__avatar" />
      ) : (
        <span className="pb-msg__avatar pb-msg__avatar--space" aria-hidden="true" />
      )}
      {line.kind === 'bot' ? (
        <div className="pb-bubble pb-bubble--bot rich" dangerouslySetInnerHTML={{ __html: line.html }} />
      ) : (
        <div className="pb-bubble pb-bubble--error" role="alert">
          {line.text}
        </div>
      )}
    </div>
  );
}

function Line({ line, bot, next }: { line: PreviewLine; bot: Bot; next: PreviewLine | undefined }) {
  if (line.kind === 'crm') return <CrmPreview items={line.items} />;
  if (isBotLine(line)) return <BotRow line={line} bot={bot} last={!isBotLine(next)} />;
  if (line.kind === 'visitor') return <div className="pb-bubble pb-bubble--me">{line.text}</div>;
  return <div className="pb-note">{line.text}</div>;
}

type Send = (input: TRunInput, said: string) => void;

/** The conversation so far, the buttons asked for, and the hand-off's "simulate timeout". */
function Lines({ run, send, bot }: { run: PreviewRun | null; send: Send; bot: Bot }) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [run]);
  return (
    <div className="pb-widget__list" ref={listRef} aria-live="polite">
      {run?.lines.map((line, index) => (
        <Line key={index} line={line} bot={bot} next={run.lines[index + 1]} />
      ))}
      {run?.ask?.kind === 'ask_buttons' && (
        <div className="pb-widget__options">
          {run.ask.options.map((option) => (
            <button
              key={option.id}
              type="button"
              className="pb-option"
              onClick={() => send({ kind: 'button', optionId: option.id }, option.label)}
            >
              {option.label}
            </button>
          ))}
        </div>
      )}
      {run?.call && (
        <div className="pb-widget__options">
          <button
            type="button"
            className="pb-option"
            onClick={() => send({ kind: 'http_response', json: null }, '')}
            data-testid="preview-call-ok"
          >
            {t('playbooks.preview.callSucceeds')}
          </button>
          <button
            type="button"
            className="pb-option"
            onClick={() => send({ kind: 'http_failed', reason: 'status' }, '')}
            data-testid="preview-call-failed"
          >
            {t('playbooks.preview.callFails')}
          </button>
        </div>
      )}
      {run?.handoff && (
        <div className="pb-widget__options">
          <button
            type="button"
            className="pb-option"
            onClick={() => send({ kind: 'live_chat_offline' }, '')}
            data-testid="preview-timeout"
          >
            {t('playbooks.preview.simulateTimeout')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The visitor's text box: open only while the bot asks for text; skip when the answer is optional. */
function Composer({ run, send, language }: { run: PreviewRun | null; send: Send; language: string }) {
  const { i18n } = useTranslation();
  const pt = i18n.getFixedT(language, undefined, 'playbooks.preview');
  const [text, setText] = useState('');
  useEffect(() => setText(''), [run?.state]);
  const asksText = run?.ask?.kind === 'ask_text';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    send({ kind: 'text', text: value }, value);
  };
  return (
    <form className="pb-widget__composer" onSubmit={submit}>
      <input
        aria-label={pt('inputLabel')}
        placeholder={
          run?.ask?.kind === 'ask_text' ? (run.ask.placeholder ?? pt('placeholder')) : pt('placeholder')
        }
        value={text}
        disabled={!asksText}
        onChange={(e) => setText(e.target.value)}
      />
      {run?.ask?.kind === 'ask_text' && !run.ask.required && (
        <button type="button" className="pb-skip" onClick={() => send({ kind: 'skip' }, pt('skip'))}>
          {pt('skip')}
        </button>
      )}
      <button
        type="submit"
        className="pb-send"
        disabled={!asksText}
        aria-label={pt('send')}
        title={pt('send')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 20.5V14l8-2-8-2V3.5L22 12z" />
        </svg>
      </button>
    </form>
  );
}

/** The proactive greeting, as the widget's loader shows it above the launcher (with its ×). */
function GreetingBubble({ text }: { text: TRichText }) {
  return (
    <div className="pb-greeting" data-testid="preview-greeting">
      <div className="rich" dangerouslySetInnerHTML={{ __html: renderHtml(text) }} />
      <span className="pb-greeting__x" aria-hidden="true">
        ×
      </span>
    </div>
  );
}

/** The widget as the visitor sees it, in the playbook's colours, position and language. */
export function PreviewWidget({
  doc,
  run,
  send,
}: {
  doc: TPlaybookDocument;
  run: PreviewRun | null;
  send: Send;
}) {
  const { i18n } = useTranslation();
  const { colors, botName, avatarUrl, position, language } = doc.appearance;
  const pt = i18n.getFixedT(language, undefined, 'playbooks.preview');
  const greeting = doc.targeting.greeting;
  return (
    <div className={`pb-widget-stage pb-widget-stage--${position}`}>
      <div className="pb-widget" style={widgetStyle(colors)} lang={language} data-testid="widget-preview">
        <header className="pb-widget__header">
          <BotAvatar name={botName} url={avatarUrl} className="pb-widget__avatar" />
          <div className="pb-widget__title">
            <div className="pb-widget__name">{botName}</div>
            <div className="pb-widget__sub">{pt('subtitle')}</div>
          </div>
          <svg className="pb-widget__minimize" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6.4 8.6 12 14.2l5.6-5.6L19 10l-7 7-7-7z" />
          </svg>
        </header>
        <Lines run={run} send={send} bot={{ name: botName, avatarUrl }} />
        <Composer run={run} send={send} language={language} />
        <p className="pb-widget__brand">{pt('poweredBy')}</p>
      </div>
      {greeting.proactive && greeting.text && <GreetingBubble text={greeting.text} />}
      <span
        className="pb-launcher"
        style={{ background: colors.primary, color: colors.primaryText }}
        aria-hidden="true"
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z" />
        </svg>
      </span>
    </div>
  );
}
