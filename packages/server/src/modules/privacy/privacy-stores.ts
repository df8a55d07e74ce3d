import type { Db } from '../../db/database';
import { createAttachmentsPrivacyStore } from '../attachments/index';
import { createConversationsPrivacyStore } from '../conversations/index';
import { createCrmPrivacyStore } from '../crm/index';
import { createMailPrivacyStore } from '../mail/index';
import { createRatingsPrivacyStore } from '../ratings/index';
import { createVisitorsPrivacyStore } from '../visitors/index';
import { createWebhooksPrivacyStore } from '../webhooks/index';

/** Each owning module's privacy SQL, gathered for the privacy service. */
export function createPrivacyStores(db: Db) {
  return {
    conversations: createConversationsPrivacyStore(db),
    visitors: createVisitorsPrivacyStore(db),
    ratings: createRatingsPrivacyStore(db),
    attachments: createAttachmentsPrivacyStore(db),
    crm: createCrmPrivacyStore(db),
    webhooks: createWebhooksPrivacyStore(db),
    mail: createMailPrivacyStore(db),
  };
}
export type PrivacyStores = ReturnType<typeof createPrivacyStores>;
