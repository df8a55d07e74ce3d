import type { TMessageDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { transcriptBlocks } from '../mail/transcript-blocks';
import { transcriptLine } from './transcript-line';

const bill = {
  id: 'a1',
  name: 'bill <March>.pdf',
  contentType: 'application/pdf' as const,
  size: 2_400_000,
  kind: 'file' as const,
  width: null,
  height: null,
};
const roof = { ...bill, id: 'a2', name: 'roof.png', contentType: 'image/png' as const, size: 286_000 };

function message(text: string, attachments: TMessageDto['attachments'] = []): TMessageDto {
  return {
    id: 'm1',
    conversationId: 'c1',
    seq: 3,
    author: { kind: 'visitor', id: null, name: 'Ana', avatarUrl: null },
    clientMsgId: null,
    body: {
      type: 'doc',
      content: text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [],
    },
    event: null,
    interaction: null,
    isError: false,
    attachments,
    createdAt: Date.UTC(2026, 10, 29, 10, 24),
  };
}

describe('files in transcripts (issue 17)', () => {
  it('names each file in the CRM note’s line, after the caption or alone', () => {
    expect(transcriptLine(message('Here you go', [roof, bill]))).toBe(
      '[2026-11-29T10:24:00.000Z] Ana: Here you go 📎 roof.png (PNG, 286 KB) 📎 bill <March>.pdf (PDF, 2.4 MB)',
    );
    expect(transcriptLine(message('', [bill]))).toBe(
      '[2026-11-29T10:24:00.000Z] Ana: 📎 bill <March>.pdf (PDF, 2.4 MB)',
    );
    expect(transcriptLine(message(''))).toBeNull();
  });

  it('lists a message of files alone in the emailed transcript, its names escaped', () => {
    const [block] = transcriptBlocks([message('', [bill])], 'en', 'UTC');
    expect(block?.text).toBe('📎 bill <March>.pdf (PDF, 2.4 MB)');
    expect(block?.html).toContain('bill &lt;March&gt;.pdf');
    expect(block?.html).not.toContain('<March>');
  });
});
