import type {
  TConversationPanelDto,
  TCreateFromPanelRequest,
  TCrmDealDto,
  TCrmLeadDto,
  TPanelMatch,
  TPutConversationPanelRequest,
} from '@charla/protocol';
import { AppError } from '../../../lib/app-error';
import type { AuthUser } from '../../auth/index';
import type { CrmDeps } from '../shared/crm-context';
import { panelRowOf } from './panel-fields';
import { createFromPanel, readPanel } from './panel-records';

/**
 * The side panel beside a conversation (R17, R18, R20): one record per conversation, pre-filled
 * from what the bot captured until first saved, editable in every status (also after closing),
 * visible only to users who can see the conversation. Creating a lead or deal never changes the
 * conversation's status.
 *
 * A second "Create lead" (or "Create deal") on the same conversation is refused with 409
 * CRM_LEAD_EXISTS / CRM_DEAL_EXISTS naming the existing record, so a double click or a colleague
 * in another tab cannot make a duplicate; `?another=true` deliberately creates one more.
 */
export function createConversationPanelService(deps: CrmDeps) {
  const { store, clock, conversations } = deps;
  return {
    async get(conversationId: string, user: AuthUser): Promise<TConversationPanelDto> {
      const facts = await conversations.getForUser(conversationId, user);
      return readPanel(store, facts);
    },
    /** Replaces the panel; allowed in every conversation status (R20). */
    async put(
      conversationId: string,
      input: TPutConversationPanelRequest,
      user: AuthUser,
    ): Promise<TConversationPanelDto> {
      const facts = await conversations.getForUser(conversationId, user);
      const panel = await store.transaction(async (tx) => {
        await tx.panels.save(panelRowOf(conversationId, input, user.id, clock.now()));
        return readPanel(tx, facts);
      });
      // Lists, headers and notifications show the name the panel now gives (issue 15, item 3).
      await conversations.identityChanged(conversationId);
      return panel;
    },
    async createLead(
      conversationId: string,
      input: TCreateFromPanelRequest,
      options: { another: boolean },
      user: AuthUser,
    ): Promise<{ lead: TCrmLeadDto; matched: TPanelMatch; panel: TConversationPanelDto }> {
      const result = await createFromPanel(deps, 'lead', conversationId, input, options, user);
      if (!result.lead) throw new AppError('INTERNAL');
      return { lead: result.lead, matched: result.matched, panel: result.panel };
    },
    async createDeal(
      conversationId: string,
      input: TCreateFromPanelRequest,
      options: { another: boolean },
      user: AuthUser,
    ): Promise<{ deal: TCrmDealDto; matched: TPanelMatch; panel: TConversationPanelDto }> {
      const result = await createFromPanel(deps, 'deal', conversationId, input, options, user);
      if (!result.deal) throw new AppError('INTERNAL');
      return { deal: result.deal, matched: result.matched, panel: result.panel };
    },
  };
}
export type ConversationPanelService = ReturnType<typeof createConversationPanelService>;
