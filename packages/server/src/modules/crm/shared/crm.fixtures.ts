import type { TPage } from '@charla/protocol';
import type { CrmTables } from '../../../db/schema.crm';
import type { TestServer, TestUser } from '../../../test/harness';

/** Row counts of every CRM table, to prove a refused request wrote nothing. */
export async function countCrmRows(server: TestServer): Promise<Record<keyof CrmTables, number>> {
  const db = server.charla.services.database.db;
  const tables: (keyof CrmTables)[] = [
    'crm_organizations',
    'crm_persons',
    'crm_person_identities',
    'crm_pipelines',
    'crm_stages',
    'crm_leads',
    'crm_deals',
    'crm_activities',
    'crm_notes',
    'crm_conversation_links',
    'crm_conversation_panels',
  ];
  const counts = {} as Record<keyof CrmTables, number>;
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** A CRM DTO as tests see it: an id and fields checked with `toMatchObject`. */
export type CrmRecord = { id: string } & Record<string, unknown>;

/** A small client for the CRM routes of a test server; `T` is the DTO type a test reads deeply. */
export function crmClient(server: TestServer, user: TestUser) {
  const call = async <T = CrmRecord>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await server.request({
      method,
      url,
      as: user,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: (res.body === '' ? null : res.json()) as T };
  };
  return {
    call,
    /** Creates a record and returns its DTO; fails the test when refused. */
    async create<T extends { id: string } = CrmRecord>(path: string, payload: unknown): Promise<T> {
      const res = await call<T>('POST', `/api/v1/crm/${path}`, payload);
      if (res.status !== 201)
        throw new Error(`create ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async list<T extends { id: string } = CrmRecord>(path: string, query = ''): Promise<TPage<T>> {
      const res = await call<TPage<T>>('GET', `/api/v1/crm/${path}${query ? `?${query}` : ''}`);
      if (res.status !== 200)
        throw new Error(`list ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

/** The error body of a refused request. */
export type ErrorResponse = { error: { code: string; message: string; details?: unknown } };
