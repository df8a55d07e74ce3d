import type {
  TIdentitySettingsDto,
  TRotatedIdentitySecretDto,
  TUpdateIdentitySettingsRequest,
} from '@charla/protocol';
import type { Clock } from '../../lib/clock';
import type { SettingsStore } from '../settings/index';
import {
  DEFAULT_IDENTITY_STATE,
  liveSecrets,
  newIdentitySecret,
  rotate,
  type IdentityState,
} from './identity-secrets';

const KEY = 'visitor_identity';

/** What admins see: never a secret, only its last four characters. */
function toDto(state: IdentityState, now: number): TIdentitySettingsDto {
  return {
    requireVerified: state.requireVerified,
    graceHours: state.graceHours,
    secrets: liveSecrets(state, now).map((s) => ({
      hint: s.secret.slice(-4),
      createdAt: s.createdAt,
      expiresAt: s.expiresAt,
    })),
  };
}

/** The company's identity secrets and the "require verified identity" switch (settings row `visitor_identity`). */
export function createIdentitySettings(deps: { settings: SettingsStore; clock: Clock }) {
  const { settings, clock } = deps;
  const load = async (): Promise<IdentityState> => ({
    ...DEFAULT_IDENTITY_STATE,
    ...(await settings.get<Partial<IdentityState>>(KEY, {})),
  });
  return {
    load,
    async get(): Promise<TIdentitySettingsDto> {
      return toDto(await load(), clock.now());
    },
    async update(patch: TUpdateIdentitySettingsRequest): Promise<TIdentitySettingsDto> {
      const now = clock.now();
      const next: IdentityState = {
        ...(await load()),
        ...(patch.requireVerified !== undefined ? { requireVerified: patch.requireVerified } : {}),
        ...(patch.graceHours !== undefined ? { graceHours: patch.graceHours } : {}),
      };
      await settings.set(KEY, next, now);
      return toDto(next, now);
    },
    /** A new current secret, shown this once; the one it replaces verifies until its grace ends. */
    async rotate(): Promise<TRotatedIdentitySecretDto> {
      const now = clock.now();
      const secret = newIdentitySecret();
      const next = rotate(await load(), secret, now);
      await settings.set(KEY, next, now);
      return { ...toDto(next, now), secret };
    },
  };
}
export type IdentitySettings = ReturnType<typeof createIdentitySettings>;
