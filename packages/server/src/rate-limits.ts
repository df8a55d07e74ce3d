import type { Limits } from './lib/shared-limits';

/**
 * The rate limits every process of an install shares (in Redis with REDIS_URL). The multiplier
 * (benchmarks only) raises the per-address and per-visitor limits, never the login ones.
 */
export function createRateLimits(limits: Limits, multiplier: number) {
  const perMinute = (limit: number) => ({ limit: limit * multiplier, windowMs: 60_000 });
  return {
    loginFailures: {
      byAccount: limits.limiter('login-account', { limit: 10, windowMs: 15 * 60_000 }),
      byIp: limits.limiter('login-ip', { limit: 30, windowMs: 15 * 60_000 }),
    },
    /** New visitor sessions (the first step of a conversation start) per address. */
    widgetSessions: limits.limiter('widget-sessions', perMinute(60)),
    /** New WebSocket connections per address (checked before the gateway's own per-process one). */
    wsConnections: limits.limiter('ws-connections', perMinute(60)),
    /** Visitor messages and answers (realtime gateway), per visitor. */
    visitorMessages: limits.limiter('visitor-messages', { limit: 30 * multiplier, windowMs: 10_000 }),
    /** Conversation starts, per visitor and per address (one address hosts many visitors). */
    conversationStartsPerVisitor: limits.limiter('starts-visitor', perMinute(20)),
    conversationStartsPerAddress: limits.limiter('starts-ip', perMinute(60)),
    /** File uploads (issue 17), per visitor and per user: each one is disk and CPU (image re-encoding). */
    uploads: limits.limiter('uploads', perMinute(30)),
    /** Forgot-password requests: per client address (then 429) and per account (then silence). */
    passwordResetPerIp: limits.limiter('reset-ip', { limit: 10, windowMs: 15 * 60_000 }),
    passwordResetPerEmail: limits.limiter('reset-email', { limit: 3, windowMs: 15 * 60_000 }),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
