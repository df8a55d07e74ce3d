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
});
