// Lint rules: type-checked promise safety everywhere, plus the layer rules of docs/style.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

const sqlOnlyInStores = {
  paths: [],
  patterns: [
    {
      group: ['kysely', 'pg', 'better-sqlite3'],
      message: 'Only *.store.ts files and src/db may talk to the database (docs/style.md, Layers).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'vitest.config.ts',
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-*/**',
      'data/**',
      'bench/results/**',
      '**/*.mjs',
      '**/*.cjs',
      'e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'eslint-rules/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  { files: ['eslint-rules/**/*.js'], languageOptions: { globals: { ...globals.node } } },
  {
    // protocol is pure: it imports nothing of ours and does no I/O.
    files: ['packages/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@charla/*', '../../server/*', '../../inbox/*', '../../widget/*'],
              message: 'protocol imports nothing of ours.',
            },
            {
              group: ['node:*', 'fs', 'net', 'http', 'kysely', 'pg', 'better-sqlite3', 'ioredis'],
              message: 'protocol does no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: [
      'packages/server/src/**/*.store.ts',
      'packages/server/src/db/**',
      'packages/server/src/**/*.test.ts',
      'packages/server/src/test/**',
    ],
    rules: { 'no-restricted-imports': ['error', sqlOnlyInStores] },
  },
  {
    // Modules with front doors (issue 14): import another module only through its index.ts, and
    // query only your own tables (eslint-rules/table-owners.js lists owners and read models).
    files: ['packages/server/src/**/*.ts'],
    ignores: [
      'packages/server/src/**/*.test.ts',
      'packages/server/src/**/*.test-helper.ts',
      'packages/server/src/**/*.fixture.ts',
      'packages/server/src/test/**',
      // Append-only history: a shipped migration keeps the imports it ran with.
      'packages/server/src/db/migrations/**',
    ],
    plugins: { charla: moduleBoundaries },
    rules: { 'charla/front-door': 'error', 'charla/own-tables': 'error' },
  },
  {
    files: ['packages/inbox/**/*.{ts,tsx}', 'packages/widget/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@charla/server', '**/server/src/**'], message: 'Nothing imports server.' },
            { group: ['**/inbox/src/**'], message: 'The widget never imports inbox code.' },
          ],
        },
      ],
    },
  },
  {
    // Services are module functions and factories that bind them (docs/style.md): no `this.`, so
    // a method can be passed or destructured without breaking (issue 14).
    files: ['packages/server/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ThisExpression',
          message: 'No `this` in services: use module functions (docs/style.md).',
        },
      ],
    },
  },
  {
    // Size limits (docs/style.md: small modules with one job). Counted without blank lines and comments.
    files: ['**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Exempt from the size limits: tests are case tables (one long describe is a list of cases, not
    // logic), and DB migrations are append-only history that is never edited once shipped.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.e2e.ts', 'packages/server/src/db/migrations/**'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
);
