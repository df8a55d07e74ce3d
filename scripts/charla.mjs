// The `charla` maintenance CLI: `npm run backup [-- <file>]`, `npm run restore -- <file> [--force]`.
// Reads DATABASE_URL like the server (default sqlite:./data/charla.db).
import { join } from 'node:path';
import { backupSqlite, restoreSqlite, sqliteFileOf } from './lib/sqlite-backup.mjs';

const PG_HELP = `PostgreSQL: back up with pg_dump, restore with pg_restore into an empty database:
  pg_dump --format=custom --file=charla.dump "$DATABASE_URL"
  pg_restore --no-owner --dbname="$NEW_DATABASE_URL" charla.dump
The session secret and the web push keys are in the dump (table settings) unless SESSION_SECRET is set.`;

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');

async function main([command, ...args]) {
  const file = sqliteFileOf(process.env.DATABASE_URL);
  if (command !== 'backup' && command !== 'restore') {
    console.error('usage: charla backup [<file>] | charla restore <file> [--force]');
    return 2;
  }
  if (!file) {
    console.error(PG_HELP);
    return 2;
  }
  const envSecret = process.env.SESSION_SECRET
    ? '\nSESSION_SECRET is set in the environment: keep it with the backup, it is not in the database.'
    : '';
  if (command === 'backup') {
    const target = args[0] ?? join('backups', `charla-${stamp()}.db`);
    const copy = await backupSqlite(file, target);
    console.log(
      `Backed up ${file} to ${target} (${copy.bytes} bytes, ${copy.conversations} conversations, ` +
        `${copy.messages} messages; session secret ${copy.secrets.sessionSecret ? 'included' : 'not in the database'}, ` +
        `web push keys ${copy.secrets.vapidKeys ? 'included' : 'not created yet'}).${envSecret}`,
    );
    return 0;
  }
  const from = args.find((a) => !a.startsWith('--'));
  if (!from) {
    console.error('usage: charla restore <file> [--force]   (stop Charla first)');
    return 2;
  }
  const copy = restoreSqlite(from, file, { force: args.includes('--force') });
  console.log(
    `Restored ${from} into ${file} (${copy.conversations} conversations, ${copy.messages} messages). Start Charla.${envSecret}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`charla: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
