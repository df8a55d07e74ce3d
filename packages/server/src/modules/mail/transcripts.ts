import type { TConversationDto, TLanguage, TTranscriptQueuedDto } from '@charla/protocol';
import type { ConversationSource } from './conversation-source';
import type { MailService } from './mail.service';
import { isSingleAddress } from './one-line';
import { formatDateTime, safeTimeZone, transcriptBlocks } from './transcript-blocks';

export type TranscriptsDeps = { mail: MailService; source: ConversationSource };

/**
 * Transcripts by email (issue 20): the whole conversation in the playbook's language (or the one
 * asked for), rich text as safe HTML plus a plain-text part. Callers decide who may ask.
 */
export function createTranscripts(deps: TranscriptsDeps) {
  const { mail, source } = deps;

  async function send(
    conversation: TConversationDto,
    to: string,
    language: TLanguage = conversation.language,
  ): Promise<TTranscriptQueuedDto> {
    const zone = safeTimeZone(conversation.visitor.context.timeZone);
    const messages = await source.messages(conversation.id);
    const queued = await mail.enqueue('transcript', {
      to,
      language,
      params: {
        startedAt: formatDateTime(conversation.createdAt, language, zone),
        blocks: transcriptBlocks(messages, language, zone),
      },
    });
    return { to: to.trim().toLowerCase(), status: queued.status };
  }

  return {
    send,

    /**
     * On close: when the playbook enables it and the visitor gave a valid address. Missed chats
     * are included (the visitor went on along the offline path and may want the record).
     */
    async sendOnClose(conversation: TConversationDto): Promise<boolean> {
      const email = conversation.visitor.email;
      if (!email || !isSingleAddress(email.trim().toLowerCase())) return false;
      const document = await source.pinnedDocument(conversation.id);
      if (!document?.appearance.emailTranscript) return false;
      await send(conversation, email);
      return true;
    },
  };
}
export type Transcripts = ReturnType<typeof createTranscripts>;
