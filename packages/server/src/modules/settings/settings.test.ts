import type { TCompanySettingsDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';

describe('company settings', () => {
  let server: TestServer;
  let admin: TestUser;
  let regular: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
    regular = await server.createUser('regular');
  });
  afterAll(() => server.close());

  const company = {
    name: 'Acme Iberia',
    timeZone: 'Europe/Madrid',
    defaultLanguage: 'es',
  } satisfies TCompanySettingsDto;

  it('returns defaults before anything is saved', async () => {
    const res = await server.request({ url: '/api/v1/settings/company', as: regular });
    expect(res.statusCode).toBe(200);
    const body = res.json<TCompanySettingsDto>();
    expect(typeof body.timeZone).toBe('string');
    expect(['en', 'es']).toContain(body.defaultLanguage);
  });

  it('lets an admin save the profile and every user read it', async () => {
    const put = await server.request({
      method: 'PUT',
      url: '/api/v1/settings/company',
      as: admin,
      payload: company,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual(company);
    const get = await server.request({ url: '/api/v1/settings/company', as: regular });
    expect(get.json()).toEqual(company);
  });

  it('refuses a regular user with 403 and changes nothing', async () => {
    const res = await server.request({
      method: 'PUT',
      url: '/api/v1/settings/company',
      as: regular,
      payload: { ...company, name: 'Hijacked' },
    });
    expect(res.statusCode).toBe(403);
    expect((await server.request({ url: '/api/v1/settings/company', as: admin })).json()).toEqual(company);
  });

  it('refuses bad input with 422 and changes nothing', async () => {
    for (const payload of [
      { ...company, timeZone: 'Mars/Olympus' },
      { ...company, name: '' },
      { ...company, defaultLanguage: 'it' },
      { ...company, extra: true },
    ]) {
      const res = await server.request({
        method: 'PUT',
        url: '/api/v1/settings/company',
        as: admin,
        payload,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await server.request({ url: '/api/v1/settings/company', as: admin })).json()).toEqual(company);
  });
});
