// GET /v1/tickets?sort=: every order, paged through with small pages, gives each visible
// ticket exactly once and in a total order (ties broken by createdAt, then id), with times
// compared to the microsecond; cursors are bound to their sort; bad values are 400s naming
// what is allowed. Times and ranks are set in SQL so ties are exact, not left to the clock.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/services/pagination.js';
import { ticketSorts, type TicketSort } from '../../src/tickets/ticket-sort.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { call } from '../contract/openapi-harness.js';
import { desk, ok, type Desk } from './helpers.js';

let t: TestApp;
let d: Desk;

interface Row {
  id: string;
  /** microseconds since the epoch, as text of digits (exact, unlike a JS Date) */
  created: bigint;
  updated: bigint;
  priority: number;
  status: number;
}
let rows: Row[] = [];

const priorities = ['low', 'normal', 'high', 'urgent'];
const statuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
const base = Date.parse('2026-01-01T00:00:00Z') * 1000;

/** [priority, status, created offset µs, updated offset µs]: repeated values make ties on every key */
const plan: Array<[string, string, number, number]> = [
  ['high', 'open', 0, 50],
  ['low', 'new', 1, 40],
  ['urgent', 'closed', 1, 40],
  ['high', 'open', 1, 30],
  ['normal', 'pending', 2, 90],
  ['urgent', 'new', 3, 10],
  ['low', 'solved', 3, 10],
  ['normal', 'on_hold', 4, 90],
  ['high', 'pending', 5, 60],
  ['urgent', 'open', 5, 20],
  ['low', 'closed', 6, 0],
];

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  for (const [priority, status, created, updated] of plan) {
    const res = await d.supervisor.post('/v1/tickets', { subject: 'Sorting', priority });
    expect(res.statusCode, res.body).toBe(201);
    const at = (offset: number) => sql`to_timestamp(0) + ${base + offset} * interval '1 microsecond'`;
    await sql`update tickets set status = ${status}, created_at = ${at(created)}, updated_at = ${at(updated)}
      where id = ${res.json().id}`.execute(t.database.db);
    rows.push({
      id: res.json().id,
      created: BigInt(base + created),
      updated: BigInt(base + updated),
      priority: priorities.indexOf(priority),
      status: statuses.indexOf(status),
    });
  }
});
afterAll(async () => t?.close());

const cmp = (a: bigint | number | string, b: bigint | number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order each sort promises, computed here independently of the SQL. */
function expected(sort: TicketSort): string[] {
  const field = sort.replace(/^-/, '');
  const keys = (r: Row): Array<bigint | number | string> =>
    field === 'createdAt'
      ? [r.created, r.id]
      : field === 'updatedAt'
        ? [r.updated, r.id]
        : [field === 'priority' ? r.priority : r.status, r.created, r.id];
  const sign = sort.startsWith('-') ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const [ka, kb] = [keys(a), keys(b)];
      for (let i = 0; i < ka.length; i++) if (cmp(ka[i]!, kb[i]!) !== 0) return sign * cmp(ka[i]!, kb[i]!);
      return 0;
    })
    .map((r) => r.id);
}

async function pageThrough(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const url: string = `/v1/tickets?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await call({ as: d.supervisor, method: 'GET', url, expect: 200 })).json();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((i: { id: string }) => i.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('pagination did not end');
}

describe('GET /v1/tickets?sort=', () => {
  for (const sort of ticketSorts) {
    it(`pages through sort=${sort} in total order, each ticket once`, async () => {
      for (const limit of [1, 2, 3, 100]) {
        const ids = await pageThrough(`sort=${encodeURIComponent(sort)}`, limit);
        expect(ids, `limit ${limit}`).toEqual(expected(sort));
      }
    });
  }

  it('keeps the default order (createdAt) without sort, and accepts cursors of the time before sorting', async () => {
    expect(await pageThrough('', 2)).toEqual(expected('createdAt'));
    // a v1 cursor (the last row's id only) still pages the default order
    const ids = expected('createdAt');
    const rest = await ok(d.supervisor.get(`/v1/tickets?limit=100&cursor=${encodeCursor(ids[3]!)}`));
    expect(rest.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(4));
  });

  it('combines with filters', async () => {
    const ids = await pageThrough('sort=-priority&status=open&status=new', 2);
    const open = new Set(rows.filter((r) => r.status <= 1).map((r) => r.id));
    expect(ids).toEqual(expected('-priority').filter((id) => open.has(id)));
  });

  it('starts after the last row seen even if that row moved since (the cursor holds its keys)', async () => {
    const first = (await ok(d.supervisor.get('/v1/tickets?sort=-updatedAt&limit=3'))) as {
      items: Array<{ id: string }>;
      nextCursor: string;
    };
    const moved = first.items[2]!.id;
    const read = await d.supervisor.get(`/v1/tickets/${moved}`);
    const patched = await d.supervisor.patch(
      `/v1/tickets/${moved}`,
      { tags: ['moved'] },
      { 'if-match': read.headers['etag'] as string, 'content-type': 'application/merge-patch+json' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const rest = await ok(d.supervisor.get(`/v1/tickets?sort=-updatedAt&limit=100&cursor=${first.nextCursor}`));
    expect(rest.items.map((i: { id: string }) => i.id)).toEqual(expected('-updatedAt').slice(3));
    // later tests expect the moved ticket where it now is: its updatedAt as stored, to the microsecond
    const { rows: stored } = await sql<{ updated: string }>`
      select (extract(epoch from updated_at) * 1000000)::bigint::text as updated from tickets where id = ${moved}`.execute(
      t.database.db,
    );
    rows = rows.map((r) => (r.id === moved ? { ...r, updated: BigInt(stored[0]!.updated) } : r));
    expect(await pageThrough('sort=-updatedAt', 4)).toEqual(expected('-updatedAt'));
    expect(expected('-updatedAt')[0]).toBe(moved);
  });

  it('refuses a cursor of another sort, naming the sort it came from', async () => {
    const page = await ok(d.supervisor.get('/v1/tickets?sort=-updatedAt&limit=2'));
    for (const sort of ['updatedAt', 'priority', 'createdAt']) {
      const res = await call({
        as: d.supervisor,
        method: 'GET',
        url: `/v1/tickets?sort=${sort}&limit=2&cursor=${page.nextCursor}`,
        expect: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(res.json().errors).toEqual([{ parameter: 'cursor', detail: expect.stringContaining('sort=-updatedAt') }]);
    }
    // without sort is the default order: a -updatedAt cursor is refused there too
    await call({ as: d.supervisor, method: 'GET', url: `/v1/tickets?cursor=${page.nextCursor}`, expect: 400 });
    // and a cursor of the default order (v1) is refused by any other sort
    const v1 = encodeCursor(rows[0]!.id);
    const res = await d.supervisor.get(`/v1/tickets?sort=-createdAt&cursor=${v1}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].detail).toContain('sort=createdAt');
  });

  it('refuses forged cursors as 400, never 500', async () => {
    const forge = (text: string) => Buffer.from(text).toString('base64url');
    const id = rows[0]!.id;
    const cases: Array<[string, string]> = [
      ['priority', forge('v2:{not json')],
      ['priority', forge(`v2:${JSON.stringify({ s: 'priority', k: ['1'], id })}`)],
      [
        'priority',
        forge(
          `v2:${JSON.stringify({ s: 'priority', k: ["1'; drop table tickets; --", '2026-01-01T00:00:00.000000Z'], id })}`,
        ),
      ],
      ['updatedAt', forge(`v2:${JSON.stringify({ s: 'updatedAt', k: ['2026-13-45T99:00:00.000000Z'], id })}`)],
      ['updatedAt', forge(`v2:${JSON.stringify({ s: 'updatedAt', k: ['2026-02-30T00:00:00.000000Z'], id })}`)],
      ['updatedAt', forge(`v2:${JSON.stringify({ s: 'updatedAt', k: ['2026-01-01T00:00:00.000000Z'], id: 'x' })}`)],
      ['updatedAt', forge(`v2:${JSON.stringify({ s: 'updatedAt', k: [12], id })}`)],
      ['createdAt', 'not-base64!'],
      // a sort name that is not one is not echoed back in the refusal
      ['createdAt', forge(`v2:${JSON.stringify({ s: '<b>Jane Roe</b>', k: [], id })}`)],
    ];
    for (const [sort, cursor] of cases) {
      const res = await d.supervisor.get(`/v1/tickets?sort=${sort}&cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, `${sort} ${cursor}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.body).not.toContain('Jane');
    }
  });

  it('refuses an unknown sort with 400 VALIDATION_FAILED listing the allowed values', async () => {
    for (const sort of ['subject', '-description', 'bogus', 'updated_at', '+createdAt']) {
      const res = await call({
        as: d.supervisor,
        method: 'GET',
        url: `/v1/tickets?sort=${encodeURIComponent(sort)}`,
        expect: 400,
        code: 'VALIDATION_FAILED',
        schemaInvalid: true,
      });
      const { errors } = res.json();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ parameter: 'sort', allowed: expect.arrayContaining([...ticketSorts]) });
    }
  });
});

describe('GET /v1/contacts?sort=', () => {
  it('pages through every time order, each contact once, and refuses PHI fields as sort keys', async () => {
    const tenant = await desk(t);
    const contacts: Array<{ id: string; created: number; updated: number }> = [];
    for (const [created, updated] of [
      [0, 5],
      [1, 5],
      [1, 3],
      [2, 0],
      [2, 9],
    ] as const) {
      const res = await tenant.supervisor.post('/v1/contacts', { name: 'Sorted Contact' });
      expect(res.statusCode, res.body).toBe(201);
      const at = (offset: number) => sql`to_timestamp(0) + ${base + offset} * interval '1 microsecond'`;
      await sql`update contacts set created_at = ${at(created)}, updated_at = ${at(updated)} where id = ${res.json().id}`.execute(
        t.database.db,
      );
      contacts.push({ id: res.json().id, created, updated });
    }
    for (const sort of ['createdAt', '-createdAt', 'updatedAt', '-updatedAt']) {
      const key = sort.endsWith('createdAt') ? 'created' : 'updated';
      const sign = sort.startsWith('-') ? -1 : 1;
      const want = [...contacts].sort((a, b) => sign * (cmp(a[key], b[key]) || cmp(a.id, b.id))).map((c) => c.id);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/v1/contacts?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await call({ as: tenant.supervisor, method: 'GET', url, expect: 200 })).json();
        ids.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids, sort).toEqual(want);
    }
    const first = await ok(tenant.supervisor.get('/v1/contacts?sort=-updatedAt&limit=2'));
    const mixed = await tenant.supervisor.get(`/v1/contacts?sort=updatedAt&cursor=${first.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors[0].parameter).toBe('cursor');
    for (const sort of ['name', '-dateOfBirth', 'mrn']) {
      const res = await call({
        as: tenant.supervisor,
        method: 'GET',
        url: `/v1/contacts?sort=${sort}`,
        expect: 400,
        code: 'VALIDATION_FAILED',
        schemaInvalid: true,
      });
      expect(res.json().errors).toEqual([
        {
          parameter: 'sort',
          detail: 'must be one of the allowed values',
          allowed: ['createdAt', '-createdAt', 'updatedAt', '-updatedAt'],
        },
      ]);
    }
  });
});
