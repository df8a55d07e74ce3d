import { describe, expect, it } from 'vitest';
import type { TAttachmentDto } from '../api/attachments.schema';
import {
  addToTray,
  canSendTray,
  formatFileSize,
  isRetryableUpload,
  removeFromTray,
  trayStatus,
  uploadDone,
  uploadFailed,
  uploadProgressed,
  uploadRetried,
  type TPickedFile,
} from './upload-tray';

const picked = (localId: string, type = 'image/png', size = 1000): TPickedFile => ({
  localId,
  name: `${localId}.bin`,
  size,
  type,
});
const record = (id: string): TAttachmentDto => ({
  id,
  name: `${id}.png`,
  contentType: 'image/png',
  size: 1000,
  kind: 'image',
  width: 10,
  height: 10,
});

describe('the upload tray', () => {
  it('uploads allowed files, refuses a known disallowed type or an empty file at once, and lets unknown types through to the server', () => {
    const { tray, leftOut } = addToTray(
      [],
      [picked('a'), picked('b', 'text/html'), picked('c', ''), picked('d', 'application/pdf', 0)],
    );
    expect(leftOut).toBe(0);
    expect(tray.map((f) => [f.localId, f.state, f.error])).toEqual([
      ['a', 'uploading', null],
      ['b', 'failed', 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      ['c', 'uploading', null],
      ['d', 'failed', 'ATTACHMENT_UNREADABLE'],
    ]);
  });

  it('holds ten files a message and counts the ones left out', () => {
    const first = addToTray(
      [],
      Array.from({ length: 7 }, (_, i) => picked(`f${i}`)),
    );
    const second = addToTray(
      first.tray,
      Array.from({ length: 5 }, (_, i) => picked(`g${i}`)),
    );
    expect(second.tray).toHaveLength(10);
    expect(second.added.map((f) => f.localId)).toEqual(['g0', 'g1', 'g2']);
    expect(second.leftOut).toBe(2);
  });

  it('sends only once every file settled, with the uploaded ones in the order they were picked', () => {
    let tray = addToTray([], [picked('a'), picked('b')]).tray;
    expect(canSendTray(tray, 'caption')).toBe(false);
    tray = uploadProgressed(tray, 'b', 1.7);
    expect(tray[1]?.progress).toBe(1);
    tray = uploadDone(tray, 'b', record('B'));
    tray = uploadFailed(tray, 'a', 'NETWORK');
    expect(trayStatus(tray)).toEqual({ uploading: 0, failed: 1, ready: [record('B')] });
    expect(canSendTray(tray, '')).toBe(false);
    expect(isRetryableUpload(tray[0]!)).toBe(true);
    tray = uploadRetried(tray, 'a');
    expect(tray[0]).toMatchObject({ state: 'uploading', progress: 0, error: null });
    tray = uploadDone(tray, 'a', record('A'));
    expect(trayStatus(tray).ready.map((a) => a.id)).toEqual(['A', 'B']);
    expect(canSendTray(tray, '')).toBe(true);
    expect(canSendTray(removeFromTray(removeFromTray(tray, 'a'), 'b'), '  ')).toBe(false);
    expect(canSendTray([], 'just text')).toBe(true);
  });

  it('offers a retry for a cut network or a busy server, not for a file the server refused', () => {
    const tray = addToTray([], [picked('a'), picked('b')]).tray;
    const refused = uploadFailed(tray, 'a', 'ATTACHMENT_TOO_LARGE')[0]!;
    const limited = uploadFailed(tray, 'b', 'RATE_LIMITED')[1]!;
    expect(isRetryableUpload(refused)).toBe(false);
    expect(isRetryableUpload(limited)).toBe(true);
  });

  it('writes sizes the way file chips show them', () => {
    expect(formatFileSize(12)).toBe('12 B');
    expect(formatFileSize(830_000)).toBe('830 KB');
    expect(formatFileSize(2_400_000)).toBe('2.4 MB');
    expect(formatFileSize(10_000_000)).toBe('10 MB');
  });
});
