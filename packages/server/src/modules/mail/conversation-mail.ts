import type { TConversationDto } from '@charla/protocol';
import type { DomainEvents } from '../../lib/domain-events';
import type { Limits } from '../../lib/shared-limits';
import type { ConversationSource } from './conversation-source';
import type { MailService } from './mail.service';
import { createTranscripts } from './transcripts';

export type ConversationMailDeps = {
  mail: MailService;
  source: ConversationSource;
  events: DomainEvents;
  limits: Limits;
  onError: (error: unknown, context: string) => void;
};

/**
 * Mail about conversations (issue 20) as listeners of the domain events: nothing in the
 * conversations module calls it. `conversation.closed` → the transcript, when the playbook asks.
 */
export function createConversationMail(deps: ConversationMailDeps) {
  const transcripts = createTranscripts({ mail: deps.mail, source: deps.source });
  const transcriptLimiter = deps.limits.limiter('mail-transcripts', { limit: 5, windowMs: 10 * 60_000 });

  deps.events.on('conversation.closed', async ({ conversation }) => {
    const dto = conversation as TConversationDto;
    if (!dto?.id) return;
    try {
      await transcripts.sendOnClose(dto);
    } catch (error) {
      deps.onError(error, 'transcript on close');
    }
  });

  return { transcripts, transcriptLimiter };
}
export type ConversationMail = ReturnType<typeof createConversationMail>;
