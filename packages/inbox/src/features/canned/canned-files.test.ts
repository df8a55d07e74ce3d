import { MAX_ATTACHMENTS_PER_MESSAGE, type TAttachmentDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { addUploadedToTray, uploadedTrayFiles, uploadErrorKey } from './canned-files';

const file = (id: string): TAttachmentDto => ({
  id,
  name: `${id}.pdf`,
  contentType: 'application/pdf',
  size: 1200,
  kind: 'file',
  width: null,
  height: null,
});

describe('canned files in a tray', () => {
  it('shows stored files as uploaded entries keyed by their id', () => {
    expect(uploadedTrayFiles([file('a')])).toEqual([
      {
        localId: 'stored-a',
        name: 'a.pdf',
        size: 1200,
        type: 'application/pdf',
        state: 'done',
        progress: 1,
        attachment: file('a'),
        error: null,
      },
    ]);
  });

  it('adds staged files after the tray’s own, up to one message’s limit', () => {
    const some = uploadedTrayFiles(['a', 'b', 'c'].map(file));
    expect(addUploadedToTray(some, [file('d')])).toMatchObject({ leftOut: 0 });
    expect(addUploadedToTray(some, [file('d')]).tray.map((f) => f.localId)).toEqual([
      'stored-a',
      'stored-b',
      'stored-c',
      'stored-d',
    ]);
    const many = Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE }, (_, i) => file(`n${i}`));
    const full = addUploadedToTray(some, many);
    expect(full.tray).toHaveLength(MAX_ATTACHMENTS_PER_MESSAGE);
    expect(full.leftOut).toBe(3);
    expect(addUploadedToTray(full.tray, [file('z')])).toMatchObject({ leftOut: 1 });
  });

  it.each([
    ['ATTACHMENT_TOO_LARGE', { code: 'ATTACHMENT_TOO_LARGE' }],
    ['CANNED_FILE_LIMIT_REACHED', { code: 'CANNED_FILE_LIMIT_REACHED' }],
    ['NETWORK', 'unreachable'],
    ['HTTP_502', 'generic'],
    [null, 'generic'],
  ])('explains a failed upload (%s)', (code, key) => {
    expect(uploadErrorKey(code)).toEqual(key);
  });
});
