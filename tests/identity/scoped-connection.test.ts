// The round-trip saving of src/db/scoped-connection.ts and sql-inline.ts must not change
// what a statement means: values written into the text read back exactly as bound ones,
// placeholders are only ever replaced outside strings, identifiers and comments, a value
// that could cut a message short is refused, and a tenant transaction's frame (its scope,
// its deferred audit insert) never outlives it on a pooled connection.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../src/db/kysely.js';
import { inTenantTx } from '../../src/db/tenant-tx.js';
import { inlineParameters, InlineValueError } from '../../src/db/sql-inline.js';
import { DeferredStatementError, WITH_COMMIT } from '../../src/db/scoped-connection.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
let single: DatabaseHandle; // one connection: whatever a transaction leaves behind, the next one gets
let plain: pg.Client; // the extended protocol, bound parameters: the reference
const tenantId = randomUUID();
const sent: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  single = connectDatabase(database.url, { poolMax: 1, onQuery: (s) => sent.push(s) });
  plain = new pg.Client({ connectionString: database.url });
  await plain.connect();
  await database.db
    .insertInto('tenants')
    .values({ id: tenantId, slug: `sc-${tenantId.slice(0, 8)}`, name: 'Scoped' } as never)
    .execute();
});
afterAll(async () => {
  await plain?.end();
  await single?.close();
  await database?.drop();
});

const hostile = [
  "O'Brien",
  "'); drop table tenants; --",
  'back\\slash \\x41 \\\\',
  'dollar $1 $$ $tag$ inside',
  'naïve — 病人 🩺',
  '',
  '   ',
  "E'\\'",
];

describe('inlined values', () => {
  it('read back exactly as the same values bound as parameters', async () => {
    const values: unknown[] = [
      ...hostile,
      Buffer.from([0, 1, 2, 0xfe, 0xff, 0x27, 0x5c]),
      ['a', "b'c", 'd\\e', null, '{"x"}'],
      [randomUUID(), randomUUID()],
      new Date('2026-12-05T01:02:03.456Z'),
      { nested: { quote: "it's", slash: '\\' } },
      42,
      -1.5,
      true,
      null,
      undefined,
      9007199254740991n,
    ];
    const casts = [
      ...hostile.map(() => 'text'),
      'bytea',
      'text[]',
      'uuid[]',
      'timestamptz',
      'jsonb',
      'int',
      'float8',
      'bool',
      'text',
      'text',
      'int8',
    ];
    const query = `select ${casts.map((c, i) => `$${i + 1}::${c} as v${i}`).join(', ')}`;
    const bound = (await plain.query(query, values)).rows[0];
    const inlined = (await plain.query(inlineParameters(query, values))).rows[0];
    expect(inlined).toEqual(bound);
    expect(bound.v0).toBe("O'Brien");
  });

  it('leaves $n alone inside strings, quoted identifiers, comments and dollar quotes', () => {
    const text = `select '$1', E'\\'$1', "$1", $1, $$ $1 $$, $q$ $1 $q$ -- $1
      /* $1 /* nested $1 */ $1 */ , $2`;
    expect(inlineParameters(text, ['x', 'y'])).toBe(`select '$1', E'\\'$1', "$1", 'x', $$ $1 $$, $q$ $1 $q$ -- $1
      /* $1 /* nested $1 */ $1 */ , 'y'`);
  });

  it('refuses a placeholder without a value, and a NUL that would cut the message short', () => {
    expect(() => inlineParameters('select $1, $2', ['only one'])).toThrow(/no value for placeholder \$2/);
    expect(() => inlineParameters('select $1', ['before\u0000after'])).toThrow(InlineValueError);
  });
});

const scopeNow = sql<{ tenant: string | null; read_only: string; in_tx: boolean }>`
  select current_setting('app.tenant_id', true) as tenant, current_setting('transaction_read_only') as read_only,
    now() <> statement_timestamp() as in_tx`;

describe('tenant transaction frames', () => {
  it('a read sends its frame with each statement, and nothing of it stays on the connection', async () => {
    sent.length = 0;
    const rows = await inTenantTx(
      single.db,
      tenantId,
      async (tx) => [
        (await scopeNow.execute(tx)).rows[0],
        (await tx.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst())?.name,
      ],
      { readOnly: true },
    );
    expect(rows).toEqual([{ tenant: tenantId, read_only: 'on', in_tx: false }, 'Scoped']);
    expect(sent).toHaveLength(2);
    for (const message of sent) expect(message).toMatch(/^set transaction read only;\nselect set_config/);
    // the values travelled as literals, but the observer saw the statement as written
    expect(sent[1]).toContain('$1');
    const after = (await scopeNow.execute(single.db)).rows[0];
    expect(after?.tenant || null).toBeNull();
  });

  it('a write sends BEGIN with its first statement and its deferred insert with COMMIT', async () => {
    const name = `renamed ${randomUUID()}`;
    sent.length = 0;
    await inTenantTx(single.db, tenantId, async (tx) => {
      await tx.updateTable('tenants').set({ name }).where('id', '=', tenantId).execute();
      await sql`${sql.raw(WITH_COMMIT)}update tenants set name = ${`${name}!`} where id = ${tenantId}`.execute(tx);
    });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^begin;\nselect set_config.*;\nupdate "tenants"/s);
    expect(sent[1]).toMatch(/update tenants set name = \$1.*;\ncommit$/s);
    const stored = await database.db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
    expect(stored?.name).toBe(`${name}!`);
  });

  it('a deferred statement that fails at commit rolls the whole write back and says so', async () => {
    const name = `never ${randomUUID()}`;
    await expect(
      inTenantTx(single.db, tenantId, async (tx) => {
        await tx.updateTable('tenants').set({ name }).where('id', '=', tenantId).execute();
        await sql`${sql.raw(WITH_COMMIT)}insert into tenants (id, slug, name) values (${tenantId}, 'dup', 'dup')`.execute(
          tx,
        );
      }),
    ).rejects.toBeInstanceOf(DeferredStatementError);
    const stored = await database.db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
    expect(stored?.name).not.toBe(name);
    // the one connection came back clean: outside any transaction, no scope
    const after = (await scopeNow.execute(single.db)).rows[0];
    expect(after).toMatchObject({ in_tx: false, read_only: 'off' });
    expect(after?.tenant || null).toBeNull();
  });

  it('a write whose first statement fails leaves no transaction open on the connection', async () => {
    await expect(inTenantTx(single.db, tenantId, (tx) => sql`select 1 / 0`.execute(tx))).rejects.toThrow(
      /division by zero/,
    );
    const after = (await scopeNow.execute(single.db)).rows[0];
    expect(after).toMatchObject({ in_tx: false });
    expect(after?.tenant || null).toBeNull();
  });

  it('a use case that sends nothing sends no frame', async () => {
    sent.length = 0;
    await expect(inTenantTx(single.db, tenantId, async () => 'nothing')).resolves.toBe('nothing');
    await expect(inTenantTx(single.db, tenantId, async () => 'nothing', { readOnly: true })).resolves.toBe('nothing');
    expect(sent).toEqual([]);
  });
});
