/** API token table (owned by modules/api-tokens). */
export type ApiTokensTable = {
  id: string;
  name: string;
  scopes: string; // JSON: TApiTokenScope[]
  token_hash: string; // SHA-256 of the `chk_…` token
  /** The admin who created it; the token acts as this user. */
  user_id: string;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
};

export type ApiTokenTables = { api_tokens: ApiTokensTable };
