import pg from 'pg';
import { Redis } from 'ioredis';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from './test-db';

/** On PostgreSQL runs, fail at once and loudly when PostgreSQL or Redis is not reachable. */
export default async function setup(): Promise<void> {
  const dialect = process.env.CHARLA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
  console.log(
    `\n=== Charla integration suite on ${dialect.toUpperCase()}${dialect === 'postgres' ? ' + Redis' : ''} ===\n`,
  );
  if (dialect !== 'postgres') return;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}: ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL}: ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}
