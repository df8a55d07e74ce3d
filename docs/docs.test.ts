import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every reference a newcomer may follow resolves: rule ids (R14) to docs/rules.md, validator
 * rules ("rule 12") to docs/playbook-model.md, document names (*.md) to files in the repository,
 * and the paths the documents cite to files that exist.
 */
const root = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'results', 'screenshots', 'data', '.git']);
const SCANNED = /\.(ts|tsx|js|mjs|md)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    // Builds land in `dist` or in a content-hashed `dist-<hash>` (scripts/build.mjs): not sources.
    if (SKIP.has(entry.name) || entry.name.startsWith('dist-')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return SCANNED.test(entry.name) ? [path] : [];
  });
}

const sources = [
  ...['packages', 'e2e', 'bench', 'scripts', 'docs'].flatMap((dir) => filesUnder(join(root, dir))),
  ...['README.md', 'SECURITY.md', 'eslint.config.js', 'vitest.config.ts'].map((file) => join(root, file)),
].filter((file) => file !== join(root, 'docs/docs.test.ts'));

type Hit = { where: string; ref: string };

/** Every match of `pattern` in the scanned files, with file:line. */
function findAll(pattern: RegExp, files = sources): (Hit & { file: string; match: RegExpExecArray })[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        [...line.matchAll(pattern)].map((match) => ({
          file,
          match,
          ref: match[0],
          where: `${relative(root, file)}:${i + 1}`,
        })),
      ),
  );
}

/** The numbers a document defines: `**R7 —` in rules.md, `7.` items of the validator section. */
function ruleIds(): Set<number> {
  const text = readFileSync(join(root, 'docs/rules.md'), 'utf8');
  return new Set([...text.matchAll(/^\*\*R(\d+) —/gm)].map((m) => Number(m[1])));
}
function validatorRuleIds(): Set<number> {
  const text = readFileSync(join(root, 'docs/playbook-model.md'), 'utf8');
  const section = text.slice(text.indexOf('## The validator'), text.indexOf('## The runtime'));
  return new Set([...section.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])));
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('documentation references', () => {
  it('numbers the product rules R1–R29 without gaps', () => {
    expect([...ruleIds()].sort((a, b) => a - b)).toEqual(range(1, 29));
  });

  it('resolves every rule id cited anywhere to docs/rules.md', () => {
    const defined = ruleIds();
    const cited = findAll(/\bR(\d{1,2})\b/g);
    expect(cited.length).toBeGreaterThan(100);
    const unresolved = cited.filter(({ match }) => !defined.has(Number(match[1])));
    expect(unresolved.map(({ where, ref }) => `${where} ${ref}`)).toEqual([]);
  });

  it('resolves every validator rule ("rule 12") to docs/playbook-model.md', () => {
    const defined = validatorRuleIds();
    expect([...defined].sort((a, b) => a - b)).toEqual(range(1, 24));
    const cited = findAll(/\b[Rr]ules? (\d+)(?:[–-](\d+))?/g).filter(({ file }) => !file.endsWith('.md'));
    expect(cited.length).toBeGreaterThan(10);
    const unresolved = cited.filter(
      ({ match }) =>
        !defined.has(Number(match[1])) || (match[2] !== undefined && !defined.has(Number(match[2]))),
    );
    expect(unresolved.map(({ where, ref }) => `${where} ${ref}`)).toEqual([]);
  });

  it('finds every cited document (*.md) in the repository', () => {
    const cited = findAll(/(?<![\w/.:-])((?:\.{1,2}\/)?(?:[\w-]+\/)*[\w-]+\.md)\b/g);
    const unresolved = cited.filter(
      ({ file, match }) =>
        !existsSync(join(root, match[1] ?? '')) && !existsSync(join(dirname(file), match[1] ?? '')),
    );
    expect(unresolved.map(({ where, ref }) => `${where} ${ref}`)).toEqual([]);
  });

  it('points the documents only at files and folders that exist', () => {
    const docs = filesUnder(join(root, 'docs')).filter((file) => file.endsWith('.md'));
    const cited = findAll(/`((?:packages|e2e|bench|scripts|docs)\/[^`\s]*|[\w.-]+\.config\.[jt]s)`/g, docs);
    expect(cited.length).toBeGreaterThan(50);
    const missing = cited.filter(({ match }) => !existsSync(join(root, match[1] ?? '')));
    expect(missing.map(({ where, ref }) => `${where} ${ref}`)).toEqual([]);
  });
});
