// The layering invariants of eslint.config.js can fail: each rule reports a violation where
// it should and nothing where it should not, and the real src tree has none.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

const ROLE_LOGIC = /^Role logic belongs in CASL rules \(src\/policy\)/;
const SQL_IN_SERVICE = /^SQL lives in repositories/;

type Invariant = 'roles' | 'sql';

function invariantOf(message: ESLint.LintResult['messages'][number]): Invariant | null {
  if (message.ruleId !== 'no-restricted-syntax') return null;
  if (ROLE_LOGIC.test(message.message)) return 'roles';
  if (SQL_IN_SERVICE.test(message.message)) return 'sql';
  return null;
}

async function violations(code: string, filePath: string): Promise<Invariant[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'snippet must parse').toEqual([]);
  return result!.messages.map(invariantOf).filter((v): v is Invariant => v !== null);
}

describe('lint: role logic only in src/policy', () => {
  it.each([
    ['actor.roles.includes', "export const f = (actor: { roles: string[] }) => actor.roles.includes('admin');"],
    ['row.roles.some', "export const f = (row: { roles: string[] }) => row.roles.some((r) => r === 'agent');"],
    ['optional chain', "export const f = (actor?: { roles?: string[] }) => actor?.roles?.includes('admin');"],
    ['bare roles identifier', "export const f = (roles: string[]) => roles.includes('admin');"],
    ['roles.every', "export const f = (roles: string[]) => roles.every((r) => r !== 'admin');"],
    ['roles.indexOf', "export const f = (roles: string[]) => roles.indexOf('admin') >= 0;"],
    ['nested member', "export const f = (s: { actor: { roles: string[] } }) => s.actor.roles.some((r) => r === 'x');"],
  ])('%s outside src/policy is reported', async (_name, code) => {
    expect(await violations(code, 'src/users/y.ts')).toEqual(['roles']);
    expect(await violations(code, 'src/tickets/x.service.ts')).toEqual(['roles']);
  });

  it('the same code inside src/policy is allowed', async () => {
    const code =
      "export const f = (actor: { roles: string[] }) => actor.roles.includes('admin') || actor.roles.some((r) => r === 'x');";
    expect(await violations(code, 'src/policy/z.ts')).toEqual([]);
  });

  it('other arrays and passing roles along are not role logic', async () => {
    const code = [
      'declare function keyHasStaffRoles(roles: string[]): boolean;',
      "export const f = (row: { roles: string[]; groups: string[] }) => keyHasStaffRoles(row.roles) && row.groups.includes('g');",
    ].join('\n');
    expect(await violations(code, 'src/api-keys/api-keys.service.ts')).toEqual([]);
  });
});

describe('lint: SQL only in repositories and src/db', () => {
  const sqlImport = "import { sql } from 'kysely';\nexport const yes = sql`true`;";
  const calls = [
    'selectFrom',
    'insertInto',
    'updateTable',
    'deleteFrom',
    'selectNoFrom',
    'with',
    'where',
    'orderBy',
    'innerJoin',
    'forUpdate',
  ].map((method) => [method, `declare const tx: any;\nexport const q = () => tx.${method}('tickets');`]);

  it('importing sql from kysely in a service is reported', async () => {
    expect(await violations(sqlImport, 'src/tickets/x.service.ts')).toEqual(['sql']);
    expect(
      await violations(
        "import { type SqlBool, sql as raw } from 'kysely';\nexport const t = raw<SqlBool>`true`;",
        'src/tickets/x.service.ts',
      ),
    ).toEqual(['sql']);
  });

  it.each(calls)('.%s() in a service is reported', async (_method, code) => {
    expect(await violations(code!, 'src/tickets/x.service.ts')).toEqual(['sql']);
  });

  it.each(calls)('.%s() in a repository or src/db is allowed', async (_method, code) => {
    expect(await violations(code!, 'src/tickets/x.repository.ts')).toEqual([]);
    expect(await violations(code!, 'src/db/keyset.ts')).toEqual([]);
  });

  it('sql in a repository or src/db is allowed; kysely types in a service are allowed', async () => {
    expect(await violations(sqlImport, 'src/tickets/x.repository.ts')).toEqual([]);
    expect(await violations(sqlImport, 'src/db/keyset.ts')).toEqual([]);
    expect(
      await violations(
        "import type { SelectQueryBuilder } from 'kysely';\nexport type Q = SelectQueryBuilder<any, any, any>;",
        'src/tickets/x.service.ts',
      ),
    ).toEqual([]);
  });

  it('a service calling repository functions, and running its transaction, is allowed', async () => {
    const code =
      "declare const repo: { getTicket(tx: unknown, id: string): Promise<unknown> };\ndeclare const db: any;\nexport const f = () => db.transaction().execute((tx: unknown) => repo.getTicket(tx, 'id'));";
    expect(await violations(code, 'src/tickets/x.service.ts')).toEqual([]);
  });
});

describe('lint: the real src tree', () => {
  it('has no role logic outside src/policy and no SQL in services', async () => {
    const results = await eslint.lintFiles(['src']);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => invariantOf(m) !== null)
        .map((m) => `${r.filePath.slice(cwd.length)}:${m.line}: ${m.message}`),
    );
    expect(found).toEqual([]);
  });
});
