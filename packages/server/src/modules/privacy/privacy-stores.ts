import type { Db } from '../../db/database';
import { createConversationsPrivacyStore } from '../conversations/conversations.privacy.store';
import { createCrmPrivacyStore } from '../crm/privacy/crm-privacy.store';
import { createMailPrivacyStore } from '../mail/mail.privacy.store';
import { createRatingsPrivacyStore } from '../ratings/ratings.privacy.store';
import { createVisitorsPrivacyStore } from '../visitors/visitors.privacy.store';
import { createWebhooksPrivacyStore } from '../webhooks/webhooks.privacy.store';

/** Each owning module's privacy SQL, gathered for the privacy service. */
export function createPrivacyStores(db: Db) {
  return {
    conversations: createConversationsPrivacyStore(db),
    visitors: createVisitorsPrivacyStore(db),
    ratings: createRatingsPrivacyStore(db),
    crm: createCrmPrivacyStore(db),
    webhooks: createWebhooksPrivacyStore(db),
    mail: createMailPrivacyStore(db),
  };
}
export type PrivacyStores = ReturnType<typeof createPrivacyStores>;
