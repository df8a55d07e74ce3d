import type { Migration } from 'kysely';
import * as core from './0001-core';
import * as crm from './0002-crm';
import * as notificationsWebhooks from './0003-notifications-webhooks';
import * as playbooks from './0004-playbooks';
import * as apiTokens from './0005-api-tokens';
import * as ratings from './0006-ratings';
import * as webhookOrder from './0007-webhook-order';
import * as reportIndexes from './0008-report-indexes';
import * as crmEditing from './0009-crm-editing';
import * as mail from './0010-mail';
import * as reportFacts from './0011-report-facts';
import * as mailFollowUp from './0012-mail-follow-up';
import * as search from './0013-search';
import * as crmPipelines from './0014-crm-pipelines';
import * as privacy from './0015-privacy';
import * as dropWebhookAnnounced from './0016-drop-webhook-announced';
import * as mailDigests from './0017-mail-digests';
import * as visitorIdentity from './0018-visitor-identity';
import * as availability from './0020-availability';
import * as reportRollups from './0024-report-rollups';
import * as conversationLabels from './0025-conversation-labels';
import * as cannedResponses from './0026-canned-responses';
import * as conversationReaders from './0027-conversation-readers';
import * as widgetOpens from './0028-widget-opens';
import * as attachments from './0029-attachments';
import * as cannedResponseFiles from './0030-canned-response-files';
import * as conversationRevisions from './0031-conversation-revisions';
import * as searchPending from './0032-search-pending';
import * as clientIdIndex from './0033-client-id-index';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-crm': crm,
  '0003-notifications-webhooks': notificationsWebhooks,
  '0004-playbooks': playbooks,
  '0005-api-tokens': apiTokens,
  '0006-ratings': ratings,
  '0007-webhook-order': webhookOrder,
  '0008-report-indexes': reportIndexes,
  '0009-crm-editing': crmEditing,
  '0010-mail': mail,
  '0011-report-facts': reportFacts,
  '0012-mail-follow-up': mailFollowUp,
  '0013-search': search,
  '0014-crm-pipelines': crmPipelines,
  '0015-privacy': privacy,
  '0016-drop-webhook-announced': dropWebhookAnnounced,
  '0017-mail-digests': mailDigests,
  '0018-visitor-identity': visitorIdentity,
  '0020-availability': availability,
  '0024-report-rollups': reportRollups,
  '0025-conversation-labels': conversationLabels,
  '0026-canned-responses': cannedResponses,
  '0027-conversation-readers': conversationReaders,
  '0028-widget-opens': widgetOpens,
  '0029-attachments': attachments,
  '0030-canned-response-files': cannedResponseFiles,
  '0031-conversation-revisions': conversationRevisions,
  '0032-search-pending': searchPending,
  '0033-client-id-index': clientIdIndex,
};
