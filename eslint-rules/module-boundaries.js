// Module boundaries of the server (issue 14, docs/architecture.md "Modules and their front doors"):
// - `front-door`: code outside packages/server/src/modules/<m>/ imports that module only through
//   its index.ts;
// - `own-tables`: a module's code queries only the tables it owns (eslint-rules/table-owners.js),
//   plus the ones its entry there lists as read on purpose (read models), each with its reason.
import path from 'node:path';
import { readsOf, tableOwners } from './table-owners.js';

const MODULES = `${path.sep}packages${path.sep}server${path.sep}src${path.sep}modules${path.sep}`;
const SERVER_SRC = `${path.sep}packages${path.sep}server${path.sep}src${path.sep}`;

/** `{ module, rest }` of a file under packages/server/src/modules/, else null. */
function moduleOf(file) {
  const at = file.lastIndexOf(MODULES);
  if (at === -1) return null;
  const [module, ...rest] = file.slice(at + MODULES.length).split(path.sep);
  return { module, rest: rest.join('/') };
}

const FRONT_DOOR = new Set(['', 'index', 'index.ts', 'index.js']);

const frontDoor = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another server module only through its index.ts (its front door).' },
    schema: [],
    messages: {
      internal:
        "'{{source}}' reaches into module '{{target}}': import its index.ts instead, and export what you need there (docs/architecture.md, Modules and their front doors).",
    },
  },
  create(context) {
    const file = context.filename;
    if (!file.includes(SERVER_SRC)) return {};
    const own = moduleOf(file)?.module ?? null;
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = moduleOf(path.resolve(path.dirname(file), source.value));
      if (!target || target.module === own) return;
      if (FRONT_DOOR.has(target.rest.replace(/\.(ts|js)$/, '').replace(/\/index$/, '/index'))) return;
      context.report({
        node: source,
        messageId: 'internal',
        data: { source: source.value, target: target.module },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};

// Kysely's builder methods whose first argument names a table ('table' or 'table as alias').
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
]);
// Raw SQL: a table name after one of these words inside a sql`…` template.
const RAW_TABLE = /\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)"?/gi;

const ownTables = {
  meta: {
    type: 'problem',
    docs: { description: "A module's code queries only its own tables (eslint-rules/table-owners.js)." },
    schema: [],
    messages: {
      foreign:
        "Table '{{table}}' belongs to module '{{owner}}': ask its front door (modules/{{owner}}/index.ts) instead of querying it from '{{module}}' (eslint-rules/table-owners.js).",
      unknown: "Table '{{table}}' has no owner: add it to eslint-rules/table-owners.js.",
    },
  },
  create(context) {
    const where = moduleOf(context.filename);
    if (!where) return {};
    const { module } = where;
    const reads = readsOf(module);
    // Names a `.with('name', …)` of this file gives a CTE: no table, no owner. Checked at the end,
    // as a chain's outer call (`.selectFrom('name')`) is visited before its inner `.with`.
    const cteNames = new Set();
    const pending = [];
    const checkTable = (node, name) => void pending.push({ node, name });
    const checkNow = (node, name) => {
      const table = name.trim().split(/\s+/)[0];
      if (cteNames.has(table)) return;
      const owner = tableOwners[table];
      if (owner === undefined) {
        context.report({ node, messageId: 'unknown', data: { table } });
        return;
      }
      if (owner === module || reads.has(table)) return;
      context.report({ node, messageId: 'foreign', data: { table, owner, module } });
    };
    const checkArgument = (arg) => {
      if (!arg) return;
      if (arg.type === 'Literal' && typeof arg.value === 'string') checkTable(arg, arg.value);
      else if (arg.type === 'ArrayExpression') for (const item of arg.elements) checkArgument(item);
    };
    return {
      'Program:exit'() {
        for (const { node, name } of pending) checkNow(node, name);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const [first] = node.arguments;
        if (['with', 'withRecursive'].includes(callee.property.name) && first?.type === 'Literal')
          cteNames.add(String(first.value).trim().split(/\s+/)[0]);
        if (TABLE_METHODS.has(callee.property.name)) checkArgument(node.arguments[0]);
        // sql.table('name') names a table in raw SQL.
        if (
          callee.property.name === 'table' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'sql'
        )
          checkArgument(node.arguments[0]);
      },
      TaggedTemplateExpression(node) {
        const tag = node.tag.type === 'TSInstantiationExpression' ? node.tag.expression : node.tag;
        if (tag.type !== 'Identifier' || tag.name !== 'sql') return;
        for (const quasi of node.quasi.quasis)
          for (const match of quasi.value.cooked.matchAll(RAW_TABLE))
            if (tableOwners[match[1].toLowerCase()] !== undefined) checkTable(quasi, match[1].toLowerCase());
      },
    };
  },
};

export default { rules: { 'front-door': frontDoor, 'own-tables': ownTables } };
