// The module-boundary rules refuse what they should and allow the rest (issue 14, item 3).
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import moduleBoundaries from './module-boundaries.js';

const root = '/repo/packages/server/src';
const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { charla: moduleBoundaries },
    rules: { 'charla/front-door': 'error', 'charla/own-tables': 'error' },
  },
];
const lint = (file, code) =>
  new Linter({ configType: 'flat', cwd: '/repo' })
    .verify(code, config, { filename: `${root}/${file}` })
    .map((m) => `${m.ruleId}: ${m.message}`);

describe('charla/front-door', () => {
  it.each([
    ['modules/crm/a.ts', "import { x } from '../users/index';"],
    ['modules/crm/a.ts', "import { x } from '../users';"],
    ['modules/crm/panel/a.ts', "import { x } from '../shared/crm.store';"],
    ['services.ts', "import { x } from './modules/users/index';"],
    ['app.ts', "import { x } from './lib/clock';"],
    ['modules/crm/a.ts', "import { z } from 'zod';"],
  ])('allows %s: %s', (file, code) => {
    expect(lint(file, code)).toEqual([]);
  });

  it.each([
    ['modules/crm/a.ts', "import { x } from '../users/users.store';"],
    ['modules/crm/panel/a.ts', "import type { X } from '../../search/profile-index.store';"],
    ['services.ts', "import { x } from './modules/users/users.store';"],
    ['realtime/x.ts', "export { x } from '../modules/auth/auth.service';"],
    ['modules/mail/a.ts', "const m = await import('../users/users.store');"],
  ])('refuses %s: %s', (file, code) => {
    const found = lint(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^charla\/front-door: .* reaches into module/);
  });
});

describe('charla/own-tables', () => {
  it.each([
    ['modules/users/users.store.ts', "db.selectFrom('users').selectAll();"],
    [
      'modules/crm/x.store.ts',
      "db.selectFrom('crm_persons as p').innerJoin('crm_organizations as o', 'o.id', 'p.organization_id');",
    ],
    ['modules/search/x.store.ts', "db.selectFrom('crm_persons').selectAll();"],
    [
      'modules/reports/x.store.ts',
      'sql`select count(*) from messages m join conversations c on c.id = m.conversation_id`;',
    ],
    ['lib/x.ts', "db.selectFrom('conversations');"],
    [
      'modules/conversations/x.store.ts',
      "db.with('changed', (q) => q.updateTable('conversations')).selectFrom('changed').selectAll();",
    ],
  ])('allows %s: %s', (file, code) => {
    expect(lint(file, code)).toEqual([]);
  });

  it.each([
    ['modules/notifications/x.store.ts', "db.selectFrom('conversations').select('id');", 'conversations'],
    ['modules/crm/x.store.ts', "db.selectFrom('crm_leads').innerJoin('users as u', 'u.id', 'x');", 'users'],
    ['modules/crm/x.store.ts', "db.deleteFrom('messages');", 'conversations'],
    ['modules/playbooks/x.store.ts', "db.selectFrom(['playbooks', 'conversations']);", 'conversations'],
    ['modules/webhooks/x.store.ts', 'sql`delete from push_subscriptions where 1 = 1`;', 'notifications'],
  ])('refuses %s: %s', (file, code, owner) => {
    const found = lint(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`belongs to module '${owner}'`);
  });

  it('still checks the tables a CTE is made of', () => {
    const found = lint(
      'modules/crm/x.store.ts',
      "db.with('picked', (q) => q.selectFrom('users')).selectFrom('picked').selectAll();",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("Table 'users' belongs to module 'users'");
  });

  it('asks for an owner of a table nobody owns', () => {
    expect(lint('modules/crm/x.store.ts', "db.selectFrom('crm_mystery');")).toEqual([
      "charla/own-tables: Table 'crm_mystery' has no owner: add it to eslint-rules/table-owners.js.",
    ]);
  });
});
