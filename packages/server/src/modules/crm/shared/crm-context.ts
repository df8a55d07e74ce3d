import type { TCrmSource, TLanguage } from '@charla/protocol';
import type { Clock } from '../../../lib/clock';
import type { DomainEvents } from '../../../lib/domain-events';
import type { AuthUser } from '../../auth/index';
import type { ConversationAccess } from '../../conversations/index';
import type { CrmStore } from './crm.store';

/** What every CRM service needs. */
export type CrmDeps = {
  store: CrmStore;
  clock: Clock;
  events: DomainEvents;
  conversations: ConversationAccess;
  /** The company's language: records the CRM names itself are titled in it. */
  companyLanguage: () => Promise<TLanguage>;
};

/** Who makes a change and through which channel: it decides `source` and the note author. */
export type CrmActor = { user: AuthUser | null; source: TCrmSource };
