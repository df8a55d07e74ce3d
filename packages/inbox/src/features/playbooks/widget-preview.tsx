import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { advance, type TPlaybookDocument, type TRunInput } from '@charla/protocol';
import { absorbStep, meaningOf, startPreview, type PreviewRun, type PreviewTexts } from './preview-run';
import { PreviewWidget } from './preview-widget';

/** What the preview says about a hand-off or an end, in the playbook's language. */
function usePreviewTexts(language: string): PreviewTexts {
  const { t, i18n } = useTranslation();
  const pt = i18n.getFixedT(language, undefined, 'playbooks.preview');
  return {
    handoff: (seconds) => pt('handoff', { seconds }),
    nobodyOnline: () => pt('nobodyOnline'),
    waits: (seconds) => pt('waits', { seconds }),
    wouldCall: (method, url, maps) =>
      [pt('wouldCall', { method, url }), maps ? pt('callMapping') : '', pt('callChoose')]
        .filter(Boolean)
        .join(' '),
    ended: ({ outcome, crm }) => {
      const said = t(`playbooks.outcomes.${outcome}`);
      if (crm.record.kind === 'none') return pt('ended', { outcome: said });
      const record = t(`playbooks.records.${crm.record.kind}`);
      return pt('endedWithRecord', { outcome: said, record, title: crm.record.title });
    },
  };
}

/** The attributes field, shown when the playbook has condition cards to try. */
function PreviewAttributes({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field pb-preview__attributes">
      <label htmlFor="preview-attributes">{t('playbooks.condition.previewAttributes')}</label>
      <input
        id="preview-attributes"
        value={value}
        placeholder="plan=pro, seats=12"
        aria-describedby="preview-attributes-hint"
        onChange={(e) => onChange(e.target.value)}
      />
      <span id="preview-attributes-hint" className="field__hint">
        {t('playbooks.condition.previewAttributesHint')}
      </span>
    </div>
  );
}

/**
 * The widget as a visitor would see it, running the UNSAVED document with the same pure
 * runtime the server uses (startRun/advance). The live chat card never reaches a person here:
 * the preview says what would happen and the online/offline switch picks the path.
 */
export function WidgetPreview({ doc }: { doc: TPlaybookDocument }) {
  const { t } = useTranslation();
  const [online, setOnline] = useState(true);
  const [run, setRun] = useState<PreviewRun | null>(null);
  const [restarts, setRestarts] = useState(0);
  const [attributesText, setAttributesText] = useState('');
  const hasConditions = doc.flow.nodes.some((n) => n.type === 'condition');
  const meaning = useMemo(() => meaningOf(doc), [doc]);
  const texts = usePreviewTexts(doc.appearance.language);
  const context = useRef({ doc, online, texts });
  context.current = { doc, online, texts };

  // Restart whenever what the flow means changes (or the online switch flips).
  useEffect(() => {
    setRun(startPreview(context.current, attributesText));
  }, [meaning, online, restarts, attributesText]);

  const send = (input: TRunInput, said: string) => {
    if (!run) return;
    const step = advance(doc, run.state, input);
    if ('error' in step) return;
    setRun(
      absorbStep(
        context.current,
        { ...run, ask: null, call: null },
        step,
        said ? [{ kind: 'visitor', text: said }] : [],
      ),
    );
  };

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
      {hasConditions && <PreviewAttributes value={attributesText} onChange={setAttributesText} />}
      <PreviewWidget doc={doc} run={run} send={send} />
    </section>
  );
}
