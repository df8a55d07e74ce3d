import { ZLanguage, type TLanguage } from '@charla/protocol';
import type { SettingsStore } from './settings.store';

/** The company's default language (Settings → Company), English until someone chooses. */
export async function companyLanguage(settings: Pick<SettingsStore, 'get'>): Promise<TLanguage> {
  const stored = await settings.get<{ defaultLanguage?: unknown } | null>('company', null);
  const parsed = ZLanguage.safeParse(stored?.defaultLanguage);
  return parsed.success ? parsed.data : 'en';
}
