import './onboarding.css';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../lib/icons';
import { Link } from '../../lib/router';
import { pushSupport, subscribeToPush } from '../notifications/push';
import type { Step } from './checklist-steps';
import { useChecklist, type Checklist } from './use-checklist';

/**
 * The first-run checklist on the inbox (issue 16 item 5) until every step is done or the user
 * hides it: put the chat on the website (done once a real page loaded it, R8), go online, invite
 * a teammate, send yourself a test chat, allow notifications. Each step links to where it is done.
 * `collapsible` (phones, above the conversation list): one row that opens to the steps, drawn
 * from the first paint while the steps load, so the list under it never jumps (issue 25: CLS).
 */
export function FirstRunChecklist({ collapsible = false }: { collapsible?: boolean }) {
  const { t } = useTranslation();
  const checklist = useChecklist();
  const [open, setOpen] = useState(!collapsible);
  if (!checklist.visible && !(collapsible && checklist.loading)) return null;
  const { steps } = checklist;
  const done = steps.filter((s) => s.done).length;
  const progress = steps.length > 0 ? t('onboarding.progress', { done, total: steps.length }) : '…';
  return (
    <section
      className={`checklist${collapsible ? ' checklist--collapsible' : ''}`}
      aria-labelledby="checklist-title"
      aria-busy={steps.length === 0}
      data-testid="first-run-checklist"
    >
      <header className="checklist__header">
        <div>
          <h2 id="checklist-title" className="checklist__title">
            {t('onboarding.title')}
          </h2>
          <p className="checklist__progress" data-testid="checklist-progress">
            {progress}
          </p>
        </div>
        <div className="checklist__header-actions">
          {collapsible && (
            <button
              type="button"
              className="btn btn--sm"
              aria-expanded={open}
              aria-controls="checklist-steps"
              disabled={steps.length === 0}
              onClick={() => setOpen((o) => !o)}
            >
              {t(open ? 'onboarding.hideSteps' : 'onboarding.showSteps')}
            </button>
          )}
          {collapsible ? (
            <button
              type="button"
              className="icon-btn icon-btn--sm"
              aria-label={t('onboarding.hide')}
              title={t('onboarding.hide')}
              onClick={checklist.dismiss}
            >
              <Icon name="x" size={16} />
            </button>
          ) : (
            <button type="button" className="btn btn--ghost btn--sm" onClick={checklist.dismiss}>
              {t('onboarding.hide')}
            </button>
          )}
        </div>
      </header>
      {(!collapsible || open) && steps.length > 0 && <ChecklistSteps checklist={checklist} done={done} />}
    </section>
  );
}

function ChecklistSteps({ checklist, done }: { checklist: Checklist; done: number }) {
  const { t } = useTranslation();
  const { steps } = checklist;
  return (
    <div id="checklist-steps">
      <div
        className="checklist__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={steps.length}
        aria-valuenow={done}
        aria-label={t('onboarding.progress', { done, total: steps.length })}
      >
        <span style={{ width: `${(done / steps.length) * 100}%` }} />
      </div>
      <ol className="checklist__steps">
        {steps.map((step, index) => (
          <ChecklistStep key={step.id} step={step} number={index + 1} checklist={checklist} />
        ))}
      </ol>
    </div>
  );
}

function ChecklistStep({ step, number, checklist }: { step: Step; number: number; checklist: Checklist }) {
  const { t } = useTranslation();
  const text =
    step.done && step.id === 'install' ? t('onboarding.install.seen', { site: step.seenOn }) : null;
  return (
    <li
      className={`checklist__step${step.done ? ' checklist__step--done' : ''}`}
      data-testid={`step-${step.id}`}
    >
      <span className="checklist__mark" aria-hidden="true">
        {step.done ? <Icon name="check" size={14} /> : number}
      </span>
      <div className="checklist__body">
        <p className="checklist__step-title">
          {t(`onboarding.${step.id}.title`)}
          <span className="sr-only">, {t(step.done ? 'onboarding.done' : 'onboarding.todo')}</span>
        </p>
        <p className="checklist__text">{text ?? t(`onboarding.${step.id}.text`)}</p>
      </div>
      {!step.done && <div className="checklist__action">{stepAction(step, checklist)}</div>}
    </li>
  );
}

function stepAction(step: Step, checklist: Checklist): ReactNode {
  switch (step.id) {
    case 'install':
      return <InstallAction checklist={checklist} />;
    case 'online':
      return <AsyncButton label="onboarding.online.action" run={checklist.goOnline} />;
    case 'teammate':
      return <StepLink to="/settings/users" label="onboarding.teammate.action" />;
    case 'testChat':
      return <DemoLink checklist={checklist} />;
    case 'notifications':
      return <NotificationsAction checklist={checklist} />;
  }
}

function StepLink({ to, label }: { to: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="btn btn--sm">
      {t(label)}
    </Link>
  );
}

function InstallAction({ checklist }: { checklist: Checklist }) {
  const to = checklist.playbook ? `/playbooks/${checklist.playbook.id}?tab=install` : '/playbooks';
  return <StepLink to={to} label="onboarding.install.action" />;
}

function DemoLink({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  if (!checklist.playbook) return <StepLink to="/playbooks" label="onboarding.install.action" />;
  return (
    <a
      className="btn btn--sm"
      href={`/demo?playbook=${encodeURIComponent(checklist.playbook.publicId)}`}
      target="_blank"
      rel="noopener"
    >
      {t('onboarding.testChat.action')} <Icon name="external" size={14} />
      <span className="sr-only">{t('onboarding.newTab')}</span>
    </a>
  );
}

function NotificationsAction({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  if (pushSupport() === 'insecure')
    return <span className="checklist__note">{t('onboarding.notifications.insecure')}</span>;
  if (outcome === 'denied' || Notification.permission === 'denied')
    return <span className="checklist__note">{t('onboarding.notifications.blocked')}</span>;
  return (
    <AsyncButton
      label="onboarding.notifications.action"
      run={async () => {
        setOutcome(await subscribeToPush());
        checklist.permissionChanged();
      }}
    />
  );
}

function AsyncButton({ label, run }: { label: string; run: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const click = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await run();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn--primary btn--sm" disabled={busy} onClick={() => void click()}>
        {t(label)}
      </button>
      {failed && (
        <span className="checklist__note" role="alert">
          {t('errors.generic')}
        </span>
      )}
    </>
  );
}
