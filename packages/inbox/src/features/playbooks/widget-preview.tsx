import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  advance,
  attributeVars,
  renderHtml,
  startRun,
  visitorAttributeRunVars,
  type TPlaybookDocument,
  type TRichText,
  type TRunInput,
  type TRunOutput,
  type TRunState,
  type TRunStep,
} from '@charla/protocol';
import { Avatar } from '../../components/avatar';
import { readableTextOn } from './contrast';

type Line =
  | { kind: 'bot'; html: string }
  | { kind: 'visitor'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'system'; text: string };

type Ask = Extract<TRunOutput, { kind: 'ask_buttons' | 'ask_text' }> | null;

type Run = {
  state: TRunState;
  lines: Line[];
  ask: Ask;
  handoff: { waitSeconds: number } | null;
  ended: boolean;
};

/** The document without layout, so dragging cards does not restart the preview. */
function meaningOf(doc: TPlaybookDocument): string {
  return JSON.stringify({
    ...doc,
    flow: { ...doc.flow, nodes: doc.flow.nodes.map(({ ui: _ui, ...n }) => n) },
  });
}

/** `plan=pro, seats=12` → identify() attributes, to try condition cards in the preview. */
export function parsePreviewAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    if (at > 0 && /^[a-z][a-z0-9_]{0,39}$/.test(key)) attributes[key] = pair.slice(at + 1).trim();
  }
  return attributes;
}

/**
 * The widget as a visitor would see it, running the UNSAVED document with the same pure
 * runtime the server uses (startRun/advance). The live chat card never reaches a person here:
 * the preview says what would happen and the online/offline switch picks the path.
 */
export function WidgetPreview({ doc }: { doc: TPlaybookDocument }) {
  const { t, i18n } = useTranslation();
  const pt = i18n.getFixedT(doc.appearance.language, undefined, 'playbooks.preview');
  const [online, setOnline] = useState(true);
  const [run, setRun] = useState<Run | null>(null);
  const [text, setText] = useState('');
  const [restarts, setRestarts] = useState(0);
  const [attributesText, setAttributesText] = useState('');
  const hasConditions = doc.flow.nodes.some((n) => n.type === 'condition');
  const listRef = useRef<HTMLDivElement>(null);
  const meaning = useMemo(() => meaningOf(doc), [doc]);
  const docRef = useRef(doc);
  docRef.current = doc;

  const absorb = (previous: Run, step: TRunStep, said: Line[]): Run => {
    const lines = [...previous.lines, ...said];
    let ask: Ask = null;
    for (const out of step.outputs) {
      if (out.kind === 'bot_message') lines.push({ kind: 'bot', html: renderHtml(out.content) });
      else if (out.kind === 'validation_error') lines.push({ kind: 'error', text: out.message });
      else ask = out;
    }
    let handoff: Run['handoff'] = null;
    let state = step.state;
    let ended = step.state.status === 'ended';
    if (step.effect.kind === 'enter_live_chat') {
      if (online) {
        lines.push({ kind: 'bot', html: renderHtml(step.effect.onlineMessage) });
        lines.push({ kind: 'system', text: pt('handoff', { seconds: step.effect.waitSeconds }) });
        handoff = { waitSeconds: step.effect.waitSeconds };
      } else {
        lines.push({ kind: 'system', text: pt('nobodyOnline') });
        const offline = advance(docRef.current, step.state, { kind: 'live_chat_offline' });
        if (!('error' in offline)) return absorb({ ...previous, lines }, offline, []);
      }
    }
    if (step.effect.kind === 'end') {
      ended = true;
      const record = step.effect.crm.record;
      const outcome = t(`playbooks.outcomes.${step.effect.outcome}`);
      lines.push({
        kind: 'system',
        text:
          record.kind === 'none'
            ? pt('ended', { outcome })
            : pt('endedWithRecord', {
                outcome,
                record: t(`playbooks.records.${record.kind}`),
                title: record.title,
              }),
      });
      state = step.state;
    }
    return { state, lines, ask, handoff, ended };
  };

  // Restart whenever what the flow means changes (or the online switch flips).
  useEffect(() => {
    const first = startRun(docRef.current, {
      page_url: 'https://www.example.com/pricing',
      locale: doc.appearance.language,
    });
    const attributes = parsePreviewAttributes(attributesText);
    Object.assign(first.vars, attributeVars(docRef.current, attributes), visitorAttributeRunVars(attributes));
    const empty: Run = { state: first, lines: [], ask: null, handoff: null, ended: false };
    const step = advance(docRef.current, first, { kind: 'start' });
    setRun('error' in step ? empty : absorb(empty, step, []));
    setText('');
  }, [meaning, online, restarts, attributesText]);

  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [run]);

  const send = (input: TRunInput, said: string) => {
    if (!run) return;
    const step = advance(docRef.current, run.state, input);
    if ('error' in step) return;
    setRun(absorb({ ...run, ask: null }, step, said ? [{ kind: 'visitor', text: said }] : []));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    send({ kind: 'text', text: value }, value);
  };

  const { colors, botName, avatarUrl, position } = doc.appearance;
  const style = {
    '--w-primary': colors.primary,
    '--w-primary-text': colors.primaryText,
    '--w-bg': colors.background,
    '--w-bg-text': readableTextOn(colors.background),
    '--w-bot': colors.botBubble,
    '--w-bot-text': readableTextOn(colors.botBubble),
    '--w-me': colors.visitorBubble,
    '--w-me-text': readableTextOn(colors.visitorBubble),
  } as React.CSSProperties;
  const greeting = doc.targeting.greeting;

  return (
    <section className="pb-preview" aria-label={t('playbooks.preview.title')}>
      <div className="pb-preview__bar">
        <h2 className="pb-preview__title">{t('playbooks.preview.title')}</h2>
        <label className="pb-toggle">
          <input
            type="checkbox"
            role="switch"
            checked={online}
            onChange={(e) => setOnline(e.target.checked)}
            data-testid="preview-online"
          />
          <span>{online ? t('playbooks.preview.teamOnline') : t('playbooks.preview.teamOffline')}</span>
        </label>
        <button type="button" className="btn btn--sm" onClick={() => setRestarts((n) => n + 1)}>
          {t('playbooks.preview.restart')}
        </button>
      </div>
      {hasConditions && (
        <div className="field pb-preview__attributes">
          <label htmlFor="preview-attributes">{t('playbooks.condition.previewAttributes')}</label>
          <input
            id="preview-attributes"
            value={attributesText}
            placeholder="plan=pro, seats=12"
            aria-describedby="preview-attributes-hint"
            onChange={(e) => setAttributesText(e.target.value)}
          />
          <span id="preview-attributes-hint" className="field__hint">
            {t('playbooks.condition.previewAttributesHint')}
          </span>
        </div>
      )}
      <div className={`pb-widget-stage pb-widget-stage--${position}`}>
        <div className="pb-widget" style={style} lang={doc.appearance.language} data-testid="widget-preview">
          <header className="pb-widget__header">
            <Avatar name={botName} url={avatarUrl} size={30} />
            <div>
              <div className="pb-widget__name">{botName}</div>
              <div className="pb-widget__sub">{pt('subtitle')}</div>
            </div>
          </header>
          <div className="pb-widget__list" ref={listRef} aria-live="polite">
            {run?.lines.map((line, index) =>
              line.kind === 'bot' ? (
                <div
                  key={index}
                  className="pb-bubble pb-bubble--bot rich"
                  dangerouslySetInnerHTML={{ __html: line.html }}
                />
              ) : line.kind === 'visitor' ? (
                <div key={index} className="pb-bubble pb-bubble--me">
                  {line.text}
                </div>
              ) : line.kind === 'error' ? (
                <div key={index} className="pb-bubble pb-bubble--error" role="alert">
                  {line.text}
                </div>
              ) : (
                <div key={index} className="pb-note">
                  {line.text}
                </div>
              ),
            )}
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
          <form className="pb-widget__composer" onSubmit={submit}>
            <input
              aria-label={pt('inputLabel')}
              placeholder={
                run?.ask?.kind === 'ask_text' ? (run.ask.placeholder ?? pt('placeholder')) : pt('placeholder')
              }
              value={text}
              disabled={run?.ask?.kind !== 'ask_text'}
              onChange={(e) => setText(e.target.value)}
            />
            {run?.ask?.kind === 'ask_text' && !run.ask.required && (
              <button type="button" className="pb-skip" onClick={() => send({ kind: 'skip' }, pt('skip'))}>
                {pt('skip')}
              </button>
            )}
            <button type="submit" className="pb-send" disabled={run?.ask?.kind !== 'ask_text'}>
              {pt('send')}
            </button>
          </form>
        </div>
        {greeting.proactive && greeting.text && <GreetingBubble text={greeting.text} />}
        <span
          className="pb-launcher"
          style={{ background: colors.primary, color: colors.primaryText }}
          aria-hidden="true"
        >
          <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
          </svg>
        </span>
      </div>
    </section>
  );
}

function GreetingBubble({ text }: { text: TRichText }) {
  return <div className="pb-greeting rich" dangerouslySetInnerHTML={{ __html: renderHtml(text) }} />;
}
