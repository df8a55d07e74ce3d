import { z } from 'zod';

const ZLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const MAIL_FROM_PATTERN = /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

const ZConfigEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/charla.db')
    .refine((v) => v.startsWith('sqlite:') || v.startsWith('postgres://') || v.startsWith('postgresql://'), {
      message: 'must start with sqlite: or postgres://',
    }),
  REDIS_URL: z
    .string()
    .refine((v) => v.startsWith('redis://') || v.startsWith('rediss://'), {
      message: 'must start with redis://',
    })
    .optional(),
  PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), { message: 'must be an http(s) URL' })
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: ZLogLevel.default('info'),
  CHARLA_ADMIN_EMAIL: z.string().email().optional(),
  CHARLA_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  TRUSTED_PROXIES: z.string().optional(),
  NODE_NAME: z.string().max(64).optional(),
  REDIS_CHANNEL: z.string().min(1).max(100).optional(),
  /** Outgoing mail (issue 20): smtp://user:pass@host:587 or smtps://…:465; unset = no email. */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' })
    .optional(),
  /** The From of every mail: `charla@example.com` or `Charla <charla@example.com>`, one line. */
  MAIL_FROM: z
    .string()
    .max(300)
    .refine((v) => !/[\r\n]/.test(v) && MAIL_FROM_PATTERN.test(v.trim()), {
      message: 'must be an address, or a name and <address>, on one line',
    })
    .optional(),
  /** Inbound address for visitors' email replies (replies+<signed token>@…); unset = links only. */
  MAIL_REPLY_TO: z
    .string()
    .max(200)
    .refine((v) => /^[^\s@<>+"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v.trim()), {
      message: 'must be a plain address without "+", e.g. replies@in.example.com',
    })
    .optional(),
  /** Benchmarks only: multiplies the per-address connection and visitor-session limits (default 1). */
  CHARLA_RATE_LIMIT_MULTIPLIER: z.coerce.number().int().min(1).max(100_000).default(1),
  /** WebSocket heartbeat; a socket that misses 2 pings is closed (a vanished user is offline in 3×). */
  WS_PING_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * The visitors' sockets (issue 25): no presence hangs on them, and the widget pings the server
   * itself every 25 s; pinging 15,000 of them every 10 s cost a tenth of a core.
   */
  WS_VISITOR_PING_INTERVAL_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  WEBHOOK_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Files in live chat (issue 17): the local folder (blobs on the default storage, temporary files always). */
  FILES_DIR: z.string().min(1).default('./data/files'),
  FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 ** 3)
    .default(10 * 1024 * 1024),
  FILES_CONVERSATION_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 ** 4)
    .default(100 * 1024 * 1024),
  /** An S3-compatible bucket for the blobs (several processes need it, or one shared FILES_DIR). */
  FILES_S3_BUCKET: z.string().min(3).max(63).optional(),
  FILES_S3_ENDPOINT: z.string().url().optional(),
  FILES_S3_REGION: z.string().min(1).max(64).default('us-east-1'),
  FILES_S3_PREFIX: z.string().max(200).default(''),
});

/** Every environment variable the server reads (.env.example and the README list them all). */
export const CONFIG_VARIABLES = Object.keys(ZConfigEnv.shape);

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | null;
  publicUrl: string;
  sessionSecret: string | null;
  logLevel: z.infer<typeof ZLogLevel>;
  initialAdmin: { email: string; password: string } | null;
  trustedProxies: string[];
  nodeName: string;
  redisChannel: string;
  /** Multiplies the per-address limits on new WebSocket connections and visitor sessions. */
  rateLimitMultiplier: number;
  /** How often each inbox WebSocket is pinged; after 2 unanswered pings it is closed (R10). */
  wsPingIntervalMs: number;
  /** The same for the visitors' sockets (nobody's presence depends on them). */
  wsVisitorPingIntervalMs: number;
  /** Bearer token a Prometheus scraper sends to GET /metrics; null turns /metrics off. */
  metricsToken: string | null;
  /** Null when SMTP_URL is unset: every mail feature then says so and shows links to copy instead. */
  smtp: { url: string; from: string } | null;
  /** MAIL_REPLY_TO, lowercased; null = follow-up mails carry the chat link only. */
  mailReplyTo: string | null;
  /** Delivered and failed webhook deliveries are deleted after this many days. */
  webhookLogRetentionDays: number;
  /** Files in live chat (issue 17): limits and where blobs live. */
  files: {
    dir: string;
    temporaryDir: string;
    maxBytes: number;
    conversationMaxBytes: number;
    s3: { bucket: string; endpoint: string | null; region: string; prefix: string } | null;
  };
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads configuration from an environment; every bad value becomes one clear line. */
export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfigEnv.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'config');
        // SMTP_URL may carry a password: never echo it.
        const shown = key === 'SMTP_URL' ? '(hidden)' : JSON.stringify(env[key] ?? '');
        return `${key}=${shown}: ${issue.message}`;
      }),
    };
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.CHARLA_ADMIN_EMAIL === undefined) !== (e.CHARLA_ADMIN_PASSWORD === undefined)) {
    problems.push('CHARLA_ADMIN_EMAIL and CHARLA_ADMIN_PASSWORD must be set together');
  }
  if (e.SMTP_URL !== undefined && e.MAIL_FROM === undefined) {
    problems.push('MAIL_FROM must be set when SMTP_URL is set (e.g. "Charla <charla@example.com>")');
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      redisUrl: e.REDIS_URL ?? null,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
      sessionSecret: e.SESSION_SECRET ?? null,
      logLevel: e.LOG_LEVEL,
      initialAdmin:
        e.CHARLA_ADMIN_EMAIL && e.CHARLA_ADMIN_PASSWORD
          ? { email: e.CHARLA_ADMIN_EMAIL.toLowerCase(), password: e.CHARLA_ADMIN_PASSWORD }
          : null,
      trustedProxies: (e.TRUSTED_PROXIES ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      nodeName: e.NODE_NAME ?? `node-${process.pid}`,
      redisChannel: e.REDIS_CHANNEL ?? 'charla:events',
      rateLimitMultiplier: e.CHARLA_RATE_LIMIT_MULTIPLIER,
      wsPingIntervalMs: e.WS_PING_INTERVAL_MS,
      wsVisitorPingIntervalMs: e.WS_VISITOR_PING_INTERVAL_MS,
      metricsToken: e.METRICS_TOKEN ?? null,
      smtp: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM.trim() } : null,
      mailReplyTo: e.MAIL_REPLY_TO?.trim().toLowerCase() ?? null,
      webhookLogRetentionDays: e.WEBHOOK_LOG_RETENTION_DAYS,
      files: {
        dir: e.FILES_DIR,
        temporaryDir: `${e.FILES_DIR.replace(/\/$/, '')}/.incoming`,
        maxBytes: e.FILES_MAX_BYTES,
        conversationMaxBytes: e.FILES_CONVERSATION_MAX_BYTES,
        s3: e.FILES_S3_BUCKET
          ? {
              bucket: e.FILES_S3_BUCKET,
              endpoint: e.FILES_S3_ENDPOINT ?? null,
              region: e.FILES_S3_REGION,
              prefix: e.FILES_S3_PREFIX,
            }
          : null,
      },
    },
  };
}
