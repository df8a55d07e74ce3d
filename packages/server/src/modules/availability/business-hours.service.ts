import {
  isKnownTimeZone,
  ZBusinessHours,
  type TBusinessHours,
  type TBusinessHoursDto,
  type TBusinessHoursStatusDto,
  type TLanguage,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/index';
import type { AvailabilityStore } from './availability.store';
import { backAtText, scheduleStateAt } from './schedule';

const COMPANY = 'company';
const NINE_TO_FIVE = [{ from: '09:00', to: '17:00' }];

/** A fresh install: business hours off (always open), a Monday–Friday 9–17 week ready to switch on. */
function defaultHours(timeZone: string): TBusinessHours {
  return {
    enabled: false,
    timeZone,
    week: {
      mon: NINE_TO_FIVE,
      tue: NINE_TO_FIVE,
      wed: NINE_TO_FIVE,
      thu: NINE_TO_FIVE,
      fri: NINE_TO_FIVE,
      sat: [],
      sun: [],
    },
    closedDates: [],
  };
}

function parseHours(text: string): TBusinessHours | null {
  try {
    const parsed = ZBusinessHours.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Business hours (issue 19): the company's schedule and per-playbook overrides; whether live chat
 * is within hours now, and when it is back (`{{back_at}}`).
 */
export function createBusinessHoursService(deps: {
  store: AvailabilityStore;
  settings: SettingsStore;
  clock: Clock;
  playbookExists: (id: string) => Promise<boolean>;
}) {
  const { store, settings, clock } = deps;

  async function companyTimeZone(): Promise<string> {
    const company = await settings.get<{ timeZone?: string } | null>('company', null);
    return company?.timeZone && isKnownTimeZone(company.timeZone) ? company.timeZone : 'UTC';
  }

  async function assertPlaybook(playbookId: string): Promise<void> {
    if (playbookId.length > 64 || !(await deps.playbookExists(playbookId)))
      throw new AppError('PLAYBOOK_NOT_FOUND');
  }

  async function company(): Promise<TBusinessHoursDto> {
    const row = await store.findHours(COMPANY);
    const hours = (row && parseHours(row.hours)) ?? defaultHours(await companyTimeZone());
    return { scope: 'company', playbookId: null, hours, updatedAt: row ? Number(row.updated_at) : null };
  }

  /** A playbook's override, or null when it follows the company's schedule. */
  async function override(playbookId: string): Promise<TBusinessHoursDto | null> {
    const row = await store.findHours(playbookId);
    const hours = row && parseHours(row.hours);
    if (!row || !hours) return null;
    return { scope: 'playbook', playbookId, hours, updatedAt: Number(row.updated_at) };
  }

  /** The schedule that decides for a playbook: its override, else the company's. */
  async function effective(playbookId: string | null): Promise<TBusinessHoursDto> {
    return (playbookId ? await override(playbookId) : null) ?? company();
  }

  async function status(query: {
    playbookId?: string | undefined;
    at?: number | undefined;
    language: TLanguage;
    timeZone?: string | undefined;
  }): Promise<TBusinessHoursStatusDto> {
    if (query.playbookId !== undefined) await assertPlaybook(query.playbookId);
    const at = query.at ?? clock.now();
    const { hours, scope } = await effective(query.playbookId ?? null);
    const state = scheduleStateAt(hours, at);
    const backAt = state.open
      ? ''
      : backAtText(state.nextChangeAt, at, query.language, query.timeZone ?? hours.timeZone);
    return { at, open: state.open, scope, nextChangeAt: state.nextChangeAt, backAt };
  }

  return {
    company,
    async putCompany(hours: TBusinessHours): Promise<TBusinessHoursDto> {
      await store.putHours(COMPANY, JSON.stringify(hours), clock.now());
      return company();
    },
    async getOverride(playbookId: string): Promise<TBusinessHoursDto | null> {
      await assertPlaybook(playbookId);
      return override(playbookId);
    },
    async putOverride(playbookId: string, hours: TBusinessHours): Promise<TBusinessHoursDto> {
      await assertPlaybook(playbookId);
      await store.putHours(playbookId, JSON.stringify(hours), clock.now());
      return (await override(playbookId)) as TBusinessHoursDto;
    },
    async deleteOverride(playbookId: string): Promise<void> {
      await assertPlaybook(playbookId);
      await store.deleteHours(playbookId);
    },
    status,
    /**
     * R9 with business hours: null while live chat is within hours for this playbook; outside
     * them, `{{back_at}}` in the visitor's language and time zone ('' when it never reopens).
     */
    async closedUntil(playbookId: string | null, language: TLanguage, visitorTimeZone: string | null) {
      const { hours } = await effective(playbookId);
      const now = clock.now();
      const state = scheduleStateAt(hours, now);
      if (state.open) return null;
      const zone = visitorTimeZone && isKnownTimeZone(visitorTimeZone) ? visitorTimeZone : hours.timeZone;
      return backAtText(state.nextChangeAt, now, language, zone);
    },
  };
}
export type BusinessHoursService = ReturnType<typeof createBusinessHoursService>;
