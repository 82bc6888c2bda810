// Tickets and comments whose sealed values were tampered with (moved from another row, a
// flipped byte, an earlier revision altered) never open: REST and GraphQL answer
// UNSEAL_FAILED without a value, and each failure is an audited 'error' event naming the
// record, the field and the reason kind, as for contacts (tests/contacts/tamper.test.ts).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { canary, desk, expectNoCanary, ok, type Desk } from './helpers.js';

let t: TestApp;
let d: Desk;
const canaries: string[] = [];
const c = (label: string) => {
  const v = canary(label);
  canaries.push(v);
  return v;
};

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
});
afterAll(async () => {
  if (t) expectNoCanary(t.logs.text, canaries, 'logs');
  await t?.close();
});

const db = () => t.database.db;

async function newTicket(extra: Record<string, unknown> = {}, on: Desk = d): Promise<string> {
  return (await ok(on.supervisor.post('/v1/tickets', { subject: c('SUBJECT'), description: c('DESC'), ...extra }), 201))
    .id;
}

/** The error events about one record. */
async function failuresOf(id: string, on: Desk = d): Promise<Array<Record<string, any>>> {
  return (await auditEvents(db(), on.tenantId)).filter((e) => e['outcome'] === 'error' && e['resource']?.id === id);
}

function expectUnsealProblem(res: { statusCode: number; body: string; json: () => any }): void {
  expect(res.statusCode, res.body).toBe(500);
  expect(res.json()).toMatchObject({ code: 'UNSEAL_FAILED', detail: 'A protected value could not be opened.' });
  expectNoCanary(res.body, canaries, 'response');
}

describe('a tampered ticket', () => {
  it('a subject moved in from another ticket fails to open, over REST and GraphQL, each failure audited', async () => {
    const [from, to] = [await newTicket(), await newTicket()];
    await sql`update tickets set subject = (select subject from tickets where id = ${from}) where id = ${to}`.execute(
      db(),
    );
    expectUnsealProblem(await d.supervisor.get(`/v1/tickets/${to}`));
    const gql = await d.supervisor.gql('query($id: ID!) { ticket(id: $id) { id subject } }', { id: to });
    expect(gql.errors?.[0]?.extensions?.code).toBe('UNSEAL_FAILED');
    expectNoCanary(JSON.stringify(gql), canaries, 'GraphQL response');
    const failures = await failuresOf(to);
    expect(failures).toHaveLength(2);
    for (const e of failures) {
      expect(e).toMatchObject({
        action: 'ticket.read',
        resource: { type: 'Ticket', id: to },
        phiFields: ['ticket.subject'],
        reasonCode: 'UNSEAL_FAILED:tampered',
      });
    }
    // nothing was disclosed, so no allowed read of it was recorded; the original still opens
    expect(
      (await auditEvents(db(), d.tenantId)).filter(
        (e) => e['resource']?.id === to && e['action'] === 'ticket.read' && e['outcome'] === 'allowed',
      ),
    ).toEqual([]);
    expect((await d.supervisor.get(`/v1/tickets/${from}`)).statusCode).toBe(200);
  });

  it('a flipped byte in the sealed custom fields and references names both fields; a list that meets it fails whole', async () => {
    const own = await desk(t); // a tenant of its own, so that its list meets only this damage
    await newTicket({}, own);
    const id = await newTicket({ externalRefs: [{ system: 'fhir', value: `Encounter/${c('ENC')}` }] }, own);
    await sql`update tickets set sealed_fields = set_byte(sealed_fields, length(sealed_fields) - 3, get_byte(sealed_fields, length(sealed_fields) - 3) # 1) where id = ${id}`.execute(
      db(),
    );
    expectUnsealProblem(await own.supervisor.get(`/v1/tickets/${id}`));
    expectUnsealProblem(await own.supervisor.get('/v1/tickets?limit=100'));
    const failures = await failuresOf(id, own);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const e of failures) {
      expect(e).toMatchObject({
        action: 'ticket.read',
        resource: { type: 'Ticket', id },
        phiFields: ['ticket.customFields', 'ticket.externalRefs'],
        reasonCode: 'UNSEAL_FAILED:tampered',
      });
    }
    // a masked reader (the tenant admin) opens nothing, so the damage does not stop them
    expect((await own.admin.get(`/v1/tickets/${id}`)).json()).toMatchObject({ id, masked: true, subject: null });
  });
});

describe('a tampered comment', () => {
  it('a body moved in from another comment fails to open, over REST and GraphQL, each failure audited', async () => {
    const ticket = await newTicket();
    const from = (await ok(d.supervisor.post(`/v1/tickets/${ticket}/comments`, { body: c('BODY') }), 201)).id;
    const to = (await ok(d.supervisor.post(`/v1/tickets/${ticket}/comments`, { body: c('BODY') }), 201)).id;
    await sql`update ticket_comments set body = (select body from ticket_comments where id = ${from}) where id = ${to}`.execute(
      db(),
    );
    expectUnsealProblem(await d.supervisor.get(`/v1/tickets/${ticket}/comments`));
    const gql = await d.supervisor.gql('query($id: ID!) { ticket(id: $id) { comments { items { id body } } } }', {
      id: ticket,
    });
    expect(gql.errors?.[0]?.extensions?.code).toBe('UNSEAL_FAILED');
    expectNoCanary(JSON.stringify(gql), canaries, 'GraphQL response');
    const failures = await failuresOf(to);
    expect(failures).toHaveLength(2);
    for (const e of failures) {
      expect(e).toMatchObject({
        action: 'comment.read',
        resource: { type: 'Comment', id: to },
        phiFields: ['comment.body'],
        reasonCode: 'UNSEAL_FAILED:tampered',
      });
    }
    // editing it fails the same way (the edit returns the opened comment) and changes nothing
    expectUnsealProblem(await d.supervisor.patch(`/v1/comments/${to}`, { body: c('EDIT') }));
    expect(
      await db().selectFrom('ticket_comment_revisions').select('id').where('comment_id', '=', to).execute(),
    ).toEqual([]);
  });

  it('an altered earlier revision stops a redaction, audited against that revision', async () => {
    const ticket = await newTicket();
    const id = (await ok(d.supervisor.post(`/v1/tickets/${ticket}/comments`, { body: `first ${c('SPAN')}` }), 201)).id;
    await ok(d.supervisor.patch(`/v1/comments/${id}`, { body: `second ${c('SPAN')}` }));
    const revision = await db()
      .selectFrom('ticket_comment_revisions')
      .select('id')
      .where('comment_id', '=', id)
      .executeTakeFirstOrThrow();
    await sql`update ticket_comment_revisions set body = set_byte(body, length(body) - 3, get_byte(body, length(body) - 3) # 1) where id = ${revision.id}`.execute(
      db(),
    );
    expectUnsealProblem(await d.supervisor.post(`/v1/comments/${id}/redact`, { text: 'second' }));
    const failures = await failuresOf(revision.id);
    expect(failures).toEqual([
      expect.objectContaining({
        action: 'comment.read',
        resource: { type: 'CommentRevision', id: revision.id },
        phiFields: ['comment.body'],
        reasonCode: 'UNSEAL_FAILED:tampered',
      }),
    ]);
    // the redaction rolled back: the comment is as it was
    expect((await ok(d.supervisor.get(`/v1/tickets/${ticket}/comments`))).items[0]).toMatchObject({
      id,
      redacted: false,
      revision: 2,
    });
  });
});
