// Acceptance 2: Idempotency-Key and optimistic concurrency. Twenty concurrent POSTs with
// one key make exactly one ticket (counted in the table, not trusted from responses) and
// twenty identical responses; the key with another body is 422; a stale If-Match is 412
// over REST and a stale expectedVersion is PRECONDITION_FAILED over GraphQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredIdempotencyKeys } from '../../src/tickets/idempotency-purge.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey } from '../helpers/actors.js';
import { canary, desk, expectNoCanary, gqlCode, gqlOk, ok, TICKET_FIELDS, type Desk } from './helpers.js';

let t: TestApp;
let d: Desk;
let requesterId: string;
let supervisorKey: string;
const canaries: string[] = [];
const c = (label: string) => {
  const v = canary(label);
  canaries.push(v);
  return v;
};

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  supervisorKey = (await mintKey(t.app, d.adminKey, ['supervisor'])).secret;
  requesterId = (await ok(d.supervisor.post('/v1/contacts', { name: c('NAME'), mrn: c('MRN') }), 201)).id;
});
afterAll(async () => {
  expectNoCanary(t.logs.text, canaries, 'logs');
  await t?.close();
});

async function ticketRows(tenantId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from tickets where tenant_id = ${tenantId}`.execute(t.database.db);
  return rows[0]!.n;
}

describe('Idempotency-Key on POST /v1/tickets', () => {
  it('20 concurrent POSTs with one key create exactly one ticket and all get the same response', async () => {
    const before = await ticketRows(d.tenantId);
    const body = {
      subject: c('SUBJECT'),
      description: c('DESC'),
      requesterId,
      priority: 'urgent',
      tags: ['concurrency'],
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => d.supervisor.post('/v1/tickets', body, { 'idempotency-key': 'burst-1' })),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    expect(await ticketRows(d.tenantId)).toBe(before + 1);
    const first = responses[0]!;
    const id = first.json().id;
    expect(first.json()).toMatchObject({
      subject: body.subject,
      description: body.description,
      requesterId,
      priority: 'urgent',
      version: 1,
    });
    for (const r of responses) {
      expect(r.json()).toEqual(first.json());
      expect(r.headers['location']).toBe(`/v1/tickets/${id}`);
      expect(r.headers['etag']).toBe('"v1"');
    }
    // exactly one of them did the work; the other 19 are replays and say so
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    const { rows: keys } = await sql<{
      resource_id: string;
    }>`select resource_id from idempotency_keys where tenant_id = ${d.tenantId} and key = 'burst-1'`.execute(
      t.database.db,
    );
    expect(keys).toEqual([{ resource_id: id }]);
    // the timeline has one creation
    const timeline = await ok(d.supervisor.get(`/v1/tickets/${id}/timeline`));
    expect(timeline.items.filter((e: { type: string }) => e.type === 'created')).toHaveLength(1);
  });

  it('a retry after the fact returns the first result; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const body = { subject: c('SUBJECT'), requesterId };
    const first = await ok(d.supervisor.post('/v1/tickets', body, { 'idempotency-key': 'retry-1' }), 201);
    const before = await ticketRows(d.tenantId);
    const again = await d.supervisor.post('/v1/tickets', { ...body }, { 'idempotency-key': 'retry-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first);
    // key order does not make it another request
    const reordered = await d.supervisor.post(
      '/v1/tickets',
      { requesterId, subject: body.subject },
      { 'idempotency-key': 'retry-1' },
    );
    expect(reordered.json().id).toBe(first.id);
    const other = await d.supervisor.post(
      '/v1/tickets',
      { ...body, priority: 'low' },
      { 'idempotency-key': 'retry-1' },
    );
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ticketRows(d.tenantId)).toBe(before);
    // concurrent reuse with different bodies: one wins, every other is 422, one ticket
    const bodies = Array.from({ length: 8 }, (_, i) => ({ subject: `${c('S')}-${i}`, requesterId }));
    const mixed = await Promise.all(
      bodies.map((b) => d.supervisor.post('/v1/tickets', b, { 'idempotency-key': 'mixed-1' })),
    );
    expect(mixed.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(mixed.filter((r) => r.statusCode === 422).map((r) => r.json().code)).toEqual(
      Array(7).fill('IDEMPOTENCY_KEY_REUSED'),
    );
    expect(await ticketRows(d.tenantId)).toBe(before + 1);
  });

  it('a create-only integration (tickets:create, no read) that retries gets its first result, not 404', async () => {
    const createOnly = client(t.app, {
      apiKey: (await mintKey(t.app, d.adminKey, ['integration'], ['tickets:create'])).secret,
    });
    const body = { subject: c('SUBJECT'), requesterId };
    const first = await createOnly.post('/v1/tickets', body, { 'idempotency-key': 'script-1' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ masked: true, subject: null });
    const retries = await Promise.all(
      [1, 2, 3].map(() => createOnly.post('/v1/tickets', body, { 'idempotency-key': 'script-1' })),
    );
    for (const r of retries) {
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toEqual(first.json());
    }
    // it still cannot read the ticket (or any other) otherwise
    expect((await createOnly.get(`/v1/tickets/${first.json().id}`)).statusCode).toBe(403);
    // and the same for comments: a writer that may not read them gets its first comment back
    const commenter = client(t.app, {
      apiKey: (await mintKey(t.app, d.adminKey, ['integration'], ['tickets:read', 'comments:write'])).secret,
    });
    const ticketId = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Comment by script' }), 201)).id;
    const note = { body: c('NOTE'), public: true };
    const once = await commenter.post(`/v1/tickets/${ticketId}/comments`, note, { 'idempotency-key': 'script-c1' });
    const twice = await commenter.post(`/v1/tickets/${ticketId}/comments`, note, { 'idempotency-key': 'script-c1' });
    expect(once.statusCode, once.body).toBe(201);
    expect(twice.statusCode, twice.body).toBe(201);
    expect(twice.json()).toEqual(once.json());
  });

  it('keys belong to one caller: another key holder with the same Idempotency-Key gets its own ticket', async () => {
    const other = await desk(t);
    const mine = await ok(
      d.supervisor.post('/v1/tickets', { subject: 'Shared key' }, { 'idempotency-key': 'shared-1' }),
      201,
    );
    const theirs = await ok(
      other.supervisor.post('/v1/tickets', { subject: 'Shared key' }, { 'idempotency-key': 'shared-1' }),
      201,
    );
    expect(theirs.id).not.toBe(mine.id);
  });

  it('a key expires after 24 hours and can then be used again', async () => {
    const first = await ok(
      d.supervisor.post('/v1/tickets', { subject: 'Expiring' }, { 'idempotency-key': 'old-1' }),
      201,
    );
    await sql`update idempotency_keys set expires_at = now() - interval '1 second' where tenant_id = ${d.tenantId} and key = 'old-1'`.execute(
      t.database.db,
    );
    const second = await ok(
      d.supervisor.post('/v1/tickets', { subject: 'Expiring, another' }, { 'idempotency-key': 'old-1' }),
      201,
    );
    expect(second.id).not.toBe(first.id);
    const { rows } = await sql<{
      expires_at: Date;
    }>`select expires_at from idempotency_keys where tenant_id = ${d.tenantId} and key = 'old-1'`.execute(
      t.database.db,
    );
    expect(rows).toHaveLength(1);
    const hours = (rows[0]!.expires_at.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it("expired keys nobody reuses are purged, every tenant's, and live ones are kept", async () => {
    const other = await desk(t);
    await ok(d.supervisor.post('/v1/tickets', { subject: 'Purge me' }, { 'idempotency-key': 'purge-1' }), 201);
    await ok(other.supervisor.post('/v1/tickets', { subject: 'Purge me too' }, { 'idempotency-key': 'purge-2' }), 201);
    await ok(d.supervisor.post('/v1/tickets', { subject: 'Keep me' }, { 'idempotency-key': 'keep-1' }), 201);
    await sql`update idempotency_keys set expires_at = now() - interval '1 second' where key in ('purge-1', 'purge-2')`.execute(
      t.database.db,
    );
    expect(await purgeExpiredIdempotencyKeys(t.database.db)).toBeGreaterThanOrEqual(2);
    const { rows } = await sql<{
      key: string;
    }>`select key from idempotency_keys where key in ('purge-1', 'purge-2', 'keep-1')`.execute(t.database.db);
    expect(rows.map((r) => r.key)).toEqual(['keep-1']);
    // and a purged key is simply free again
    await ok(d.supervisor.post('/v1/tickets', { subject: 'Purge me, again' }, { 'idempotency-key': 'purge-1' }), 201);
  });

  it('GraphQL createTicket with idempotencyKey: concurrent calls make one ticket; another input is IDEMPOTENCY_KEY_REUSED', async () => {
    const before = await ticketRows(d.tenantId);
    const input = { subject: c('SUBJECT'), description: c('DESC'), requesterId, priority: 'high' };
    const mutation = `mutation($input: CreateTicketInput!, $key: String) { createTicket(input: $input, idempotencyKey: $key) { ${TICKET_FIELDS} } }`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => gqlOk(d.supervisor, mutation, { input, key: 'gql-1' })),
    );
    expect(await ticketRows(d.tenantId)).toBe(before + 1);
    for (const r of results) expect(r.createTicket).toEqual(results[0].createTicket);
    expect(results[0].createTicket).toMatchObject({ subject: input.subject, priority: 'high', version: 1 });
    expect(await gqlCode(d.supervisor, mutation, { input: { ...input, priority: 'low' }, key: 'gql-1' })).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    // the same key over REST with the same request is the same operation
    const rest = await d.supervisor.post('/v1/tickets', input, { 'idempotency-key': 'gql-1' });
    expect(rest.statusCode).toBe(201);
    expect(rest.json().id).toBe(results[0].createTicket.id);
    expect(await ticketRows(d.tenantId)).toBe(before + 1);
  });
});

describe('Idempotency-Key on POST /v1/tickets/:id/comments', () => {
  it('concurrent retries make one comment and get the same response; another body or operation is 422', async () => {
    const ticketId = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Comment retries', requesterId }), 201)).id;
    const countComments = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from ticket_comments where ticket_id = ${ticketId}`.execute(
          t.database.db,
        )
      ).rows[0]!.n;
    const body = { body: c('REPLY'), public: true };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        d.supervisor.post(`/v1/tickets/${ticketId}/comments`, body, { 'idempotency-key': 'comment-1' }),
      ),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    expect(await countComments()).toBe(1);
    for (const r of responses) expect(r.json()).toEqual(responses[0]!.json());
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    const other = await d.supervisor.post(
      `/v1/tickets/${ticketId}/comments`,
      { ...body, public: false },
      { 'idempotency-key': 'comment-1' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    // a key already used to create a ticket is not a comment's
    expect(
      (await d.supervisor.post(`/v1/tickets/${ticketId}/comments`, body, { 'idempotency-key': 'retry-1' })).json().code,
    ).toBe('IDEMPOTENCY_KEY_REUSED');
    // GraphQL takes the key too
    const mutation =
      'mutation($id: ID!, $input: CreateCommentInput!, $key: String) { addComment(ticketId: $id, input: $input, idempotencyKey: $key) { id body } }';
    const input = { body: c('NOTE') };
    const [a, b] = await Promise.all([
      gqlOk(d.supervisor, mutation, { id: ticketId, input, key: 'comment-2' }),
      gqlOk(d.supervisor, mutation, { id: ticketId, input, key: 'comment-2' }),
    ]);
    expect(a.addComment).toEqual(b.addComment);
    expect(await countComments()).toBe(2);
    // the timeline has one event per comment
    const timeline = await ok(d.supervisor.get(`/v1/tickets/${ticketId}/timeline`));
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual(['created', 'reply_added', 'note_added']);
  });
});

describe('ETag / If-Match and expectedVersion', () => {
  it('REST: reads carry an ETag; a write with a stale If-Match is 412 and changes nothing', async () => {
    const created = await d.supervisor.post('/v1/tickets', { subject: 'Concurrency', requesterId });
    expect(created.headers['etag']).toBe('"v1"');
    const id = created.json().id;
    const read = await d.supervisor.get(`/v1/tickets/${id}`);
    const etag = read.headers['etag'] as string;
    expect(etag).toBe('"v1"');
    const first = await d.supervisor.patch(`/v1/tickets/${id}`, { status: 'open' }, { 'if-match': etag });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['etag']).toBe('"v2"');
    const stale = await d.supervisor.patch(`/v1/tickets/${id}`, { status: 'pending' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('PRECONDITION_FAILED');
    const malformed = await d.supervisor.patch(`/v1/tickets/${id}`, { status: 'pending' }, { 'if-match': 'whatever' });
    expect(malformed.statusCode).toBe(412);
    const now = await ok(d.supervisor.get(`/v1/tickets/${id}`));
    expect(now).toMatchObject({ status: 'open', version: 2 });
    // the weak form of the current ETag is accepted; no If-Match at all is last-writer-wins
    expect(
      (await d.supervisor.patch(`/v1/tickets/${id}`, { status: 'pending' }, { 'if-match': 'W/"v2"' })).statusCode,
    ).toBe(200);
    expect((await d.supervisor.patch(`/v1/tickets/${id}`, { status: 'open' })).statusCode).toBe(200);
  });

  it('REST: of concurrent writers holding the same ETag exactly one wins', async () => {
    const id = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Race', requesterId }), 201)).id;
    const tags = ['a', 'b', 'c', 'd', 'e', 'f'];
    const writes = await Promise.all(
      tags.map((tag) => d.supervisor.patch(`/v1/tickets/${id}`, { tags: [tag] }, { 'if-match': '"v1"' })),
    );
    expect(writes.filter((w) => w.statusCode === 200)).toHaveLength(1);
    expect(writes.filter((w) => w.statusCode === 412)).toHaveLength(tags.length - 1);
    const now = await ok(d.supervisor.get(`/v1/tickets/${id}`));
    expect(now.version).toBe(2);
    expect(now.tags).toEqual(writes.find((w) => w.statusCode === 200)!.json().tags);
  });

  it('REST and GraphQL: deleting with a stale version is refused too', async () => {
    const id = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Delete race', requesterId }), 201)).id;
    await ok(d.supervisor.patch(`/v1/tickets/${id}`, { status: 'open' }));
    const del = (ifMatch: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/v1/tickets/${id}`,
        headers: { 'x-api-key': supervisorKey, 'if-match': ifMatch },
      });
    const stale = await del('"v1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('PRECONDITION_FAILED');
    const mutation = 'mutation($id: ID!, $v: Int) { deleteTicket(id: $id, expectedVersion: $v) }';
    expect(await gqlCode(d.supervisor, mutation, { id, v: 1 })).toBe('PRECONDITION_FAILED');
    expect((await d.supervisor.get(`/v1/tickets/${id}`)).statusCode).toBe(200);
    expect((await del('"v2"')).statusCode).toBe(204);
    expect((await d.supervisor.get(`/v1/tickets/${id}`)).statusCode).toBe(404);
  });

  it('GraphQL: a stale expectedVersion is PRECONDITION_FAILED', async () => {
    const id = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Concurrency over GraphQL', requesterId }), 201))
      .id;
    const update = `mutation($id: ID!, $v: Int, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input, expectedVersion: $v) { version status } }`;
    expect((await gqlOk(d.supervisor, update, { id, v: 1, input: { status: 'open' } })).updateTicket).toEqual({
      version: 2,
      status: 'open',
    });
    expect(await gqlCode(d.supervisor, update, { id, v: 1, input: { status: 'pending' } })).toBe('PRECONDITION_FAILED');
    expect((await ok(d.supervisor.get(`/v1/tickets/${id}`))).status).toBe('open');
  });
});
