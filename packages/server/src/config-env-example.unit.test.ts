import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from './config';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('configuration documentation', () => {
  it('lists every variable config.ts reads in .env.example and in the README', () => {
    const example = read('../../../.env.example');
    const readme = read('../../../README.md');
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(10);
    const missingInExample = CONFIG_VARIABLES.filter((v) => !new RegExp(`^#? ?${v}=`, 'm').test(example));
    const missingInReadme = CONFIG_VARIABLES.filter((v) => !readme.includes(`\`${v}\``));
    expect(missingInExample).toEqual([]);
    expect(missingInReadme).toEqual([]);
  });
});
