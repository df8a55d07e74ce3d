import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFileName } from './file-name';
import { signFileLink, verifyFileLink } from './file-link';
import { createZipScanner, sniff } from './sniff-type';
import { createLocalDiskStorage } from './storage/local-disk-storage';

const bytes = (...values: number[]) => Buffer.from(values);

describe('sniff', () => {
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['GIF', Buffer.from('GIF89a....'), 'image/gif'],
    ['WebP', Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    ['PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
  ])('knows a %s by its magic bytes', (_name, head, type) => {
    expect(sniff(head)).toMatchObject({ ok: true, type });
  });

  it.each([
    ['a zip', Buffer.from('PK\x03\x04rest', 'latin1'), 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    ['HTML', Buffer.from('<!doctype html><p>hi'), 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    ['a GIF that is also HTML', Buffer.from('GIF89a<script>alert(1)</script>'), 'ATTACHMENT_POLYGLOT'],
    ['an empty file', Buffer.alloc(0), 'ATTACHMENT_TYPE_NOT_ALLOWED'],
  ])('refuses %s', (_name, head, code) => {
    expect(sniff(head)).toEqual({ ok: false, code });
  });

  it('finds a ZIP marker split across chunks', () => {
    const scanner = createZipScanner();
    scanner.push(Buffer.from('....P', 'latin1'));
    expect(scanner.found).toBe(false);
    scanner.push(Buffer.from('K\x05\x06..', 'latin1'));
    expect(scanner.found).toBe(true);
  });
});

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\ana\\photo.JPG', 'image/jpeg', 'photo.jpg'],
    ['invoice\u202Egpj.exe', 'application/pdf', 'invoicegpj.exe.pdf'],
    ['bad\u0000name\u0007.png', 'image/png', 'badname.png'],
    ['   ', 'image/png', 'file.png'],
    ['.hidden.pdf', 'application/pdf', 'hidden.pdf'],
    ['x'.repeat(300) + '.pdf', 'application/pdf', `${'x'.repeat(116)}.pdf`],
  ])('%j as %s → %j', (raw, type, expected) => {
    expect(sanitiseFileName(raw, type)).toBe(expected);
  });

  it('writes a header with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Año "1".pdf')).toBe(
      `attachment; filename="A_o _1_.pdf"; filename*=UTF-8''A%C3%B1o%20%221%22.pdf`,
    );
  });
});

describe('file links', () => {
  const key = 'k'.repeat(43);
  const link = { attachmentId: 'att1', holder: { kind: 'user', id: 'u1' } as const, expiresAt: 1000 };

  it('verifies its own links until they expire', () => {
    const token = signFileLink(key, link);
    expect(verifyFileLink(key, token, 999)).toEqual(link);
    expect(verifyFileLink(key, token, 1000)).toBeNull();
  });

  it('refuses altered, foreign-key and malformed tokens', () => {
    const token = signFileLink(key, link);
    const [payload, signature] = token.split('.') as [string, string];
    const other = Buffer.from(JSON.stringify(['att2', 'u', 'u1', 1000])).toString('base64url');
    expect(verifyFileLink(key, `${other}.${signature}`, 0)).toBeNull();
    expect(verifyFileLink('z'.repeat(43), token, 0)).toBeNull();
    expect(verifyFileLink(key, payload, 0)).toBeNull();
    expect(verifyFileLink(key, `${token}.x`, 0)).toBeNull();
  });

  it('keeps a canned file’s link and a conversation file’s link apart', () => {
    const canned = signFileLink(key, link, 'canned-file');
    expect(verifyFileLink(key, canned, 0, 'canned-file')).toEqual(link);
    expect(verifyFileLink(key, canned, 0)).toBeNull();
    expect(verifyFileLink(key, signFileLink(key, link), 0, 'canned-file')).toBeNull();
  });
});

describe('local-disk storage (the FileStorage contract)', () => {
  it('stores a key once, streams it back, and removes it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'charla-store-'));
    const storage = createLocalDiskStorage(root);
    const source = join(root, 'source');
    writeFileSync(source, 'hello');
    const key = 'ab'.repeat(32);
    expect(await storage.has(key)).toBe(false);
    expect(await storage.open(key)).toBeNull();
    await storage.putFile(key, source, 5);
    await storage.putFile(key, source, 5);
    const chunks: Buffer[] = [];
    for await (const chunk of (await storage.open(key))!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    await storage.remove(key);
    expect(await storage.has(key)).toBe(false);
    await expect(storage.putFile('../../etc/passwd', source, 5)).rejects.toThrow('not a blob key');
  });
});
