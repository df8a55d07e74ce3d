import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { errorCatalogue, errorCodes, errorMessages, type ErrorCode } from '@charla/protocol';
import { describe, expect, it } from 'vitest';

const packagesDir = resolve(import.meta.dirname, '../../..');
const serverSrc = join(packagesDir, 'server/src');

/** Non-test TypeScript files under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (e) =>
        e.isFile() && e.name.endsWith('.ts') && !/\.test\.ts$|test-helper\.ts$|\.fixtures?\.ts$/.test(e.name),
    )
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(serverSrc, file).startsWith('test/'));
}

/**
 * Where each code is raised: the first argument of `new AppError(…)` (a literal or a ternary of
 * literals), a raw `{ code: '…' }` error body, and the lifecycle's `{ error: '…' }` decisions,
 * which the conversations service throws as they are, and pure deciders that `return '…'` a code
 * their caller throws (the write rules, the rating decision). Declarations (`config.errors`) do not count.
 */
function raisedCodes(): Map<ErrorCode, string[]> {
  const files = [
    ...sourceFiles(serverSrc),
    join(packagesDir, 'protocol/src/conversation/lifecycle.ts'),
    join(packagesDir, 'protocol/src/conversation/writes.ts'),
    join(packagesDir, 'protocol/src/conversation/mentions.ts'),
  ];
  const raised = new Map<ErrorCode, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const argumentsOf = [...text.matchAll(/AppError\(\s*([^,{)]*)/g)].map((m) => m[1] ?? '');
    const bodies = [
      ...text.matchAll(/\b(?:code|error): ('[A-Z_]+')|[?:] ('[A-Z_]+')|return ('[A-Z_]+')/g),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
    for (const expression of [...argumentsOf, ...bodies])
      for (const [, code] of expression.matchAll(/'([A-Z_]+)'/g))
        if (code && Object.hasOwn(errorCatalogue, code))
          raised.set(code as ErrorCode, [
            ...(raised.get(code as ErrorCode) ?? []),
            relative(packagesDir, file),
          ]);
  }
  return raised;
}

describe('the error catalogue', () => {
  it('has every code raised somewhere in the server', () => {
    const raised = raisedCodes();
    const neverRaised = errorCodes.filter((code) => !raised.has(code));
    expect(neverRaised, 'codes nobody throws: throw them where they belong or remove them').toEqual([]);
  });

  it('has a message for every code in English and in Spanish', () => {
    for (const language of ['en', 'es'] as const) {
      expect(Object.keys(errorMessages[language]).sort(), language).toEqual([...errorCodes].sort());
      for (const code of errorCodes)
        expect(errorMessages[language][code].trim(), `${language} ${code}`).not.toBe('');
    }
    const untranslated = errorCodes.filter((code) => errorMessages.es[code] === errorMessages.en[code]);
    expect(untranslated, 'Spanish messages equal to the English ones').toEqual([]);
  });

  it('gives every code an HTTP error status', () => {
    for (const code of errorCodes) expect(errorCatalogue[code].status, code).toBeGreaterThanOrEqual(400);
  });
});
