import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmPipelineDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../../components/empty-state';
import { ApiError } from '../../../lib/api-client';
import { SettingsLayout } from '../../settings/settings-layout';
import { PipelineCard } from './pipeline-card';
import { pipelinesApi } from './pipelines-api';
import './pipelines.css';

/** Settings › Pipelines (admins): the company's pipelines and stages (issue 15). */
export function PipelinesPage() {
  const { t } = useTranslation();
  const [pipelines, setPipelines] = useState<TCrmPipelineDto[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [name, setName] = useState('');

  const load = useCallback(() => {
    setFailed(false);
    pipelinesApi.list().then(setPipelines, () => setFailed(true));
  }, []);
  useEffect(load, [load]);

  /** Runs a change, then reloads every pipeline (a move can touch two). */
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setNotice(null);
      try {
        await work();
      } catch (cause) {
        setNotice(cause instanceof ApiError ? cause.message : t('errors.generic'));
      }
      load();
    },
    [load, t],
  );

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    void run(() => pipelinesApi.create(name.trim(), [{ name: t('pipelines.firstStage'), probability: 10 }]));
    setName('');
  };

  return (
    <SettingsLayout section="pipelines">
      <div className="page pipelines-page">
        <header className="page__header">
          <h2 className="settings__h">{t('pipelines.title')}</h2>
          <p>{t('pipelines.intro')}</p>
        </header>
        {notice && (
          <p className="form__error" role="alert">
            {notice}
          </p>
        )}
        {failed ? (
          <EmptyState
            icon="alert"
            title={t('crm.loadError')}
            action={
              <button type="button" className="btn btn--sm" onClick={load}>
                {t('common.retry')}
              </button>
            }
          />
        ) : !pipelines ? (
          <Spinner label={t('common.loading')} />
        ) : (
          <>
            {pipelines.map((p) => (
              <PipelineCard key={p.id} pipeline={p} pipelines={pipelines} run={run} />
            ))}
            <form className="card pipelines-new" onSubmit={create}>
              <label htmlFor="pipeline-new">{t('pipelines.newPipeline')}</label>
              <div className="pipelines-new__row">
                <input
                  id="pipeline-new"
                  className="input"
                  value={name}
                  maxLength={200}
                  onChange={(e) => setName(e.target.value)}
                  placeholder={t('pipelines.newPlaceholder')}
                />
                <button type="submit" className="btn btn--primary" disabled={!name.trim()}>
                  {t('pipelines.add')}
                </button>
              </div>
            </form>
          </>
        )}
      </div>
    </SettingsLayout>
  );
}
