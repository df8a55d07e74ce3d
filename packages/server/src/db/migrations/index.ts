import type { Migration } from 'kysely';
import * as core from './0001-core';
import * as crm from './0002-crm';
import * as notificationsWebhooks from './0003-notifications-webhooks';
import * as playbooks from './0004-playbooks';
import * as apiTokens from './0005-api-tokens';
import * as mail from './0006-mail';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-crm': crm,
  '0003-notifications-webhooks': notificationsWebhooks,
  '0004-playbooks': playbooks,
  '0005-api-tokens': apiTokens,
  '0006-mail': mail,
};
