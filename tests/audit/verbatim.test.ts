// The full walk's fast path (src/audit/verification/verbatim.ts and chainSlices in
// src/audit/verification.repository.ts): a row is taken from its bytes only when every
// query column is the value its body holds and its export line is the body's; any edited
// column sends it to the full path, which reports it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainSlices } from '../../src/audit/verification.repository.js';
import { formatExportLine } from '../../src/audit/export/export-line.js';
import { parseEventLine } from '../../src/audit/export/ndjson.js';
import { columnsAgree, exportLineOf, hashOf } from '../../src/audit/verification/verbatim.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { bulkChain, type BulkRows } from './bulk-chain-fixture.js';
import { testKey } from './chain-fixture.js';
import { asAttacker } from './trail-fixture.js';

const tenantId = '00000000-0000-4000-a000-0000000000aa';
let database: TestDatabase;
const slices = () => database.db.transaction().execute((tx) => chainSlices(tx, tenantId, 0, 1000, 1000));

beforeAll(async () => {
  database = await createTestDatabase();
  await bulkChain(tenantId, 40, {
    every: 20,
    key: testKey,
    write: async (r: BulkRows) => {
      await sql`insert into audit_events (tenant_id, seq, id, occurred_at, actor_id, action, resource_type, resource_id, subject_contact_id, outcome, body, prev_hash, hash)
        select * from unnest(${r.tenant_id}::uuid[], ${r.seq}::bigint[], ${r.id}::uuid[], ${r.occurred_at}::timestamptz[],
          ${r.actor_id}::text[], ${r.action}::text[], ${r.resource_type}::text[], ${r.resource_id}::text[],
          ${r.subject_contact_id}::uuid[], ${r.outcome}::text[], ${r.body}::text[], ${r.prev_hash}::text[], ${r.hash}::text[])`.execute(
        database.db,
      );
    },
  });
});
afterAll(async () => database?.drop());

describe('the verbatim fast path', () => {
  it('takes an untouched row: its columns agree and its line is its export line', async () => {
    const read = await slices();
    expect(read).toHaveLength(40);
    for (const slice of read) {
      expect(columnsAgree(slice)).toBe(true);
      const line = exportLineOf(slice)!;
      const event = parseEventLine(line, 1);
      expect(formatExportLine(event)).toBe(line);
      expect(hashOf(slice)).toBe(event.hash);
    }
  });

  it.each([
    ['tenant_id', `'00000000-0000-4000-a000-0000000000bb'::uuid`],
    ['id', `'00000000-0000-4000-8000-000000000000'::uuid`],
    ['occurred_at', `occurred_at + interval '1 second'`],
    ['actor_id', `'someone-else'`],
    ['action', `'user.read'`],
    ['resource_type', `'Other'`],
    ['resource_id', `'other'`],
    ['subject_contact_id', 'null'],
    ['outcome', `case outcome when 'allowed' then 'denied' else 'allowed' end`],
  ])('refuses a row whose %s column was changed on its own', async (column, value) => {
    const seq = 7;
    const change = (to: string) =>
      asAttacker(database.db, (tx) =>
        sql
          .raw(`update audit_events set ${column} = ${to} where seq = ${seq} and tenant_id = '${tenantId}'`)
          .execute(tx),
      );
    const before = (await slices()).find((s) => s.seq === String(seq))!;
    await asAttacker(database.db, (tx) =>
      sql`create table verbatim_keep as select * from audit_events where seq = ${seq}`.execute(tx),
    );
    try {
      await change(value);
      const read = column === 'tenant_id' ? [] : await slices();
      if (column !== 'tenant_id') expect(columnsAgree(read.find((s) => s.seq === String(seq))!)).toBe(false);
      else {
        const moved = await database.db
          .transaction()
          .execute((tx) => chainSlices(tx, '00000000-0000-4000-a000-0000000000bb', 0, 10, 10));
        expect(columnsAgree(moved[0]!)).toBe(false);
      }
    } finally {
      await asAttacker(database.db, async (tx) => {
        await sql`delete from audit_events where seq = ${seq}`.execute(tx);
        await sql`insert into audit_events select * from verbatim_keep`.execute(tx);
        await sql`drop table verbatim_keep`.execute(tx);
      });
    }
    expect((await slices()).find((s) => s.seq === String(seq))).toEqual(before);
  });
});
