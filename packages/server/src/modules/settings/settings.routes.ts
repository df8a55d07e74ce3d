import {
  ZCompanySettingsDto,
  ZUpdateCompanySettingsRequest,
  type TCompanySettingsDto,
} from '@charla/protocol';
import type { App } from '../../http/app-type';
import type { Services } from '../../services';

const tags = ['settings'];
const COMPANY_KEY = 'company';
const DEFAULT_COMPANY: TCompanySettingsDto = { name: 'My company', timeZone: 'UTC', defaultLanguage: 'en' };

/** The stored profile over the defaults: setup stores only `{ name }`, older rows may lack fields. */
function companyOf(stored: Partial<TCompanySettingsDto> | null): TCompanySettingsDto {
  const merged = { ...DEFAULT_COMPANY, ...(stored ?? {}) };
  const parsed = ZCompanySettingsDto.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_COMPANY;
}

/** Company settings: every user reads them, only admins change them. */
export function registerSettingsRoutes(app: App, services: Services): void {
  const { settings, clock } = services;

  app.get(
    '/api/v1/settings/company',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: 'The company profile: name, time zone, default language',
        response: { 200: ZCompanySettingsDto },
      },
    },
    async () => companyOf(await settings.get<Partial<TCompanySettingsDto> | null>(COMPANY_KEY, null)),
  );

  app.put(
    '/api/v1/settings/company',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary:
          'Change the company profile (the seeded pipeline and stages nobody renamed take the default language)',
        body: ZUpdateCompanySettingsRequest,
        response: { 200: ZCompanySettingsDto },
      },
    },
    async (request) => {
      await settings.set(COMPANY_KEY, request.body, clock.now());
      // The seeded pipeline and stages nobody renamed follow the company's language.
      await services.crm.pipelines.localizeSeed(request.body.defaultLanguage);
      return request.body;
    },
  );
}
