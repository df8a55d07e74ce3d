import { z } from 'zod';
import { ZLanguage } from '../common';

/** True when `value` is an IANA time zone this runtime knows (e.g. Europe/Madrid). */
export function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'Use an IANA time zone such as Europe/Madrid');

/** The company profile (issue 8): shown to users, default language for new users and playbooks. */
export const ZCompanySettingsDto = z.strictObject({
  name: z.string().trim().min(1).max(120),
  timeZone: ZTimeZone,
  defaultLanguage: ZLanguage,
});
export type TCompanySettingsDto = z.infer<typeof ZCompanySettingsDto>;

export const ZUpdateCompanySettingsRequest = ZCompanySettingsDto;
export type TUpdateCompanySettingsRequest = z.infer<typeof ZUpdateCompanySettingsRequest>;
