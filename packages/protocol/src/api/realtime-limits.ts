// The WebSocket limits and close codes as plain values, apart from the frame schemas (zod), so a
// client can use them without bundling zod.

/** Largest WebSocket frame either side accepts; bigger frames close the socket with 1009. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** WebSocket close codes Charla uses (4000–4999 are application codes). */
export const wsCloseCodes = {
  unauthenticated: 4401,
  forbidden: 4403,
  sessionEnded: 4001,
  rateLimited: 4429,
  serverFull: 1013,
  frameTooLarge: 1009,
} as const;
