import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { TValidatePlaybookOptions } from '@charla/protocol';
import { playbooksApi } from './playbooks-api';

// The editor validates with the options the server uses (rule 23: HTTP request cards may call
// private and plain-http targets only where the webhooks' private-targets setting allows it), so
// a finding shows in the editor exactly when a save or activation would report it.

/** Loads the company's setting once; until it arrives (or when it cannot), private targets are refused. */
export function useLoadedValidationOptions(): TValidatePlaybookOptions {
  const [allowPrivate, setAllowPrivate] = useState(false);
  useEffect(() => {
    let live = true;
    playbooksApi.webhookSettings().then(
      (settings) => live && setAllowPrivate(settings.allowPrivateWebhookTargets),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => ({ allowPrivateHttpTargets: allowPrivate }), [allowPrivate]);
}

const ValidationOptionsContext = createContext<TValidatePlaybookOptions>({});
export const ValidationOptionsProvider = ValidationOptionsContext.Provider;

/** The options the editor's page loaded, for the card dialog's field findings. */
export function useValidationOptions(): TValidatePlaybookOptions {
  return useContext(ValidationOptionsContext);
}
