import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('uses the embedded defaults on an empty environment', () => {
    const result = readConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 3000,
        databaseUrl: 'sqlite:./data/charla.db',
        redisUrl: null,
        publicUrl: 'http://localhost:3000',
        logLevel: 'info',
        initialAdmin: null,
      },
    });
  });

  it('reports one clear line per bad value', () => {
    const result = readConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      PUBLIC_URL: 'ftp://x',
      SESSION_SECRET: 'short',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(5);
    expect(result.problems.find((p) => p.startsWith('PORT='))).toMatch(/PORT="eighty"/);
    expect(result.problems.find((p) => p.startsWith('DATABASE_URL='))).toMatch(/sqlite: or postgres/);
    expect(result.problems.find((p) => p.startsWith('SESSION_SECRET='))).toMatch(/32/);
  });

  it('needs the first-admin email and password together', () => {
    const result = readConfig({ CHARLA_ADMIN_EMAIL: 'a@example.com' });
    expect(result).toEqual({
      ok: false,
      problems: ['CHARLA_ADMIN_EMAIL and CHARLA_ADMIN_PASSWORD must be set together'],
    });
  });

  it('derives PUBLIC_URL from PORT and trims a trailing slash', () => {
    expect(readConfig({ PORT: '8080' })).toMatchObject({ config: { publicUrl: 'http://localhost:8080' } });
    expect(readConfig({ PUBLIC_URL: 'https://chat.example.com/' })).toMatchObject({
      config: { publicUrl: 'https://chat.example.com' },
    });
  });

  it('reads SMTP_URL with MAIL_FROM, and is off without them', () => {
    expect(readConfig({})).toMatchObject({ ok: true, config: { smtp: null } });
    const on = readConfig({
      SMTP_URL: 'smtp://u:p@mail.example.com:587',
      MAIL_FROM: 'Charla <c@example.com>',
    });
    expect(on).toMatchObject({
      ok: true,
      config: { smtp: { url: 'smtp://u:p@mail.example.com:587', from: 'Charla <c@example.com>' } },
    });
  });

  it('refuses a bad SMTP_URL without echoing it, a missing MAIL_FROM and a multi-line MAIL_FROM', () => {
    const bad = readConfig({ SMTP_URL: 'http://user:secret@x.example.com', MAIL_FROM: 'c@example.com' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).not.toContain('secret');
    const noFrom = readConfig({ SMTP_URL: 'smtp://x.example.com' });
    expect(noFrom).toMatchObject({ ok: false, problems: [expect.stringContaining('MAIL_FROM')] });
    for (const from of ['a@example.com\r\nBcc: b@example.com', 'not an address', 'A <b>']) {
      expect(readConfig({ SMTP_URL: 'smtp://x.example.com', MAIL_FROM: from }).ok, from).toBe(false);
    }
  });
});
