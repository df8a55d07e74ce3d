// Lint rules: type-checked promise safety everywhere, plus the layer rules of docs/style.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  { files: ['eslint.config.js', 'vitest.config.ts'], ...tseslint.configs.disableTypeChecked },
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
);
