import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { identityHashOf } from './identity-secrets';

/** The README's server-side examples integrators copy (issue 24), one block per language. */
function readmeBlock(language: string): string {
  const readme = readFileSync(fileURLToPath(new URL('../../../../../README.md', import.meta.url)), 'utf8');
  const after = readme.split('<!-- identity-hash-examples -->')[1] ?? '';
  const code = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(after)?.[1];
  if (!code) throw new Error(`README has no ${language} identity example`);
  return code;
}

const SECRET = 'f3a9c1e27b4d5a6c8e0f1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a';
const USER_IDS = ['42', 'user-ñ-✓', 'a'.repeat(200)];

describe('the README identity hash examples', () => {
  it('Node computes what the server verifies', async () => {
    const module = (await import(`data:text/javascript,${encodeURIComponent(readmeBlock('js'))}`)) as {
      identityHash: (secret: string, userId: string) => string;
    };
    for (const userId of USER_IDS)
      expect(module.identityHash(SECRET, userId)).toBe(identityHashOf(SECRET, userId));
  });

  it('Python computes what the server verifies', () => {
    const script = `${readmeBlock('python')}\nimport sys, json\nprint(json.dumps([identity_hash(sys.argv[1], u) for u in json.loads(sys.argv[2])]))`;
    const out = execFileSync('python3', ['-c', script, SECRET, JSON.stringify(USER_IDS)], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(USER_IDS.map((u) => identityHashOf(SECRET, u)));
  });
});
