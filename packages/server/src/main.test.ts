import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('start-up with a bad configuration', () => {
  it('exits with status 1 and one clear line per bad value, touching nothing', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(serverDir, 'src/main.ts')], {
      cwd: serverDir,
      env: {
        ...process.env,
        PORT: 'eighty',
        DATABASE_URL: 'mysql://nope',
        LOG_LEVEL: 'chatty',
        CHARLA_ADMIN_EMAIL: 'a@example.com',
      },
      encoding: 'utf8',
      // A bound for a hang: loading the server through tsx took over 20 s beside a CPU hog.
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('Invalid configuration:'));
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/PORT="eighty"/);
    expect(lines.join('\n')).toMatch(
      /DATABASE_URL="mysql:\/\/nope": must start with sqlite: or postgres:\/\//,
    );
    expect(lines.join('\n')).toMatch(/LOG_LEVEL="chatty"/);
  }, 150_000);
});
