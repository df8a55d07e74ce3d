import { describe, expect, it } from 'vitest';
import type { TAttachmentDto } from '@charla/protocol';
import { frameFits } from '@charla/protocol/client';
import { sendFrameOf, type TInboxSendItem } from './inbox-sender';

const body = { type: 'doc' as const, content: [] };
const pdf: TAttachmentDto = {
  id: 'up_pdf',
  name: 'invoice.pdf',
  contentType: 'application/pdf',
  size: 2400,
  kind: 'file',
  width: null,
  height: null,
};
const item = (attachments?: TAttachmentDto[]): TInboxSendItem => ({
  conversationId: 'c1',
  clientMsgId: 'm1',
  body,
  attachments,
  createdAt: 1,
  queuedAt: 1,
  state: 'sending',
});

describe('sendFrameOf', () => {
  it('sends a queued message’s files by their upload ids, in the order picked', () => {
    const shot = { ...pdf, id: 'up_png', kind: 'image' as const, contentType: 'image/png' as const };
    expect(sendFrameOf(item([shot, pdf]))).toEqual({
      type: 'send',
      ref: 'm1',
      conversationId: 'c1',
      clientMsgId: 'm1',
      body,
      attachments: ['up_png', 'up_pdf'],
    });
  });

  it('leaves `attachments` out of a text-only message', () => {
    expect(sendFrameOf(item())).not.toHaveProperty('attachments');
    expect(sendFrameOf(item([]))).not.toHaveProperty('attachments');
  });

  it('sends the same ids again when the same item is resent (R28)', () => {
    const queued = item([pdf]);
    expect(sendFrameOf(queued)).toEqual(sendFrameOf({ ...queued, state: 'sending', queuedAt: 9 }));
  });

  it('fits ten files with the longest ids in one frame', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...pdf, id: `${i}`.padStart(64, 'x') }));
    expect(frameFits(sendFrameOf(item(ten)))).toBe(true);
  });
});
