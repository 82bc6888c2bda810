// Issue 16, acceptance 1 (45 CFR 164.524): a scripted journey over HTTP. The privacy
// officer opens an access request, extends it once, fulfils it; the patient downloads the
// bundle once through its link (a second try is refused); the bundle holds every ticket and
// comment of that patient and nothing of another's. Refusals: a wrong role is 403 with a
// denied audit event, another tenant's ids are 404, bad input is 400; the sealed notes
// never reach the logs or the database in clear.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { databaseDump } from '../helpers/database-dump.js';
import { client } from '../helpers/actors.js';
import { canary, gqlCode, gqlOk, ok } from '../tickets/helpers.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import type { Client } from '../helpers/actors.js';
import { patient, rightsDesk, type Patient, type RightsDesk } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
let t: TestApp;
let d: RightsDesk;
let other: RightsDesk;
let alice: Patient;
let bob: Patient;
const sealed: string[] = [];
const secret = (label: string) => {
  const v = canary(label);
  sealed.push(v);
  return v;
};
let requestId = '';
let idp: FakeIdp;
/** the patients themselves, signed in through the partner's IdP as requesters */
const portal: Record<'alice' | 'bob', { id: string; client: Client }> = {} as never;

async function requesterFor(sub: string, contactId: string): Promise<{ id: string; client: Client }> {
  const now = Math.floor(Date.now() / 1000);
  const token = idp.sign({ aud: 'phidesk-rights', sub, iat: now, exp: now + 3600 });
  const c = client(t.app, { bearer: token });
  const me = await ok(c.get('/v1/me'));
  await ok(d.admin.patch(`/v1/users/${me.id}`, { roles: ['requester'], contactId }));
  return { id: me.id, client: c };
}

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true' } });
  idp = await startFakeIdp();
  d = await rightsDesk(t, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'phidesk-rights' } });
  other = await rightsDesk(t);
  alice = await patient(d, 'ALICE');
  bob = await patient(d, 'BOB', 1);
  portal.alice = await requesterFor('alice-portal', alice.id);
  portal.bob = await requesterFor('bob-portal', bob.id);
  await ok(
    d.supervisor.post(`/v1/tickets/${alice.tickets[0]}/attachments`, 'Lab note', { 'content-type': 'text/plain' }),
    201,
  );
}, 60_000);
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

describe('an access request, end to end', () => {
  it('opens (due in 30 days), extends once (30 more), fulfils, and the link downloads once', async () => {
    const opened = await ok(
      d.officer.post('/v1/access-requests', {
        contactId: alice.id,
        verificationMethod: 'government_id',
        verificationNote: secret('VERIFY'),
      }),
      201,
    );
    requestId = opened.id;
    expect(opened).toMatchObject({ status: 'open', timing: 'on_time', masked: false, extendedAt: null });
    expect(Date.parse(opened.dueAt) - Date.parse(opened.openedAt)).toBe(30 * DAY);

    const extended = await ok(d.officer.post(`/v1/access-requests/${requestId}/extend`, { reason: secret('EXTEND') }));
    expect(Date.parse(extended.dueAt) - Date.parse(opened.dueAt)).toBe(30 * DAY);
    expect(extended.extensionReason).toMatch(/^CANARYEXTEND/);
    await ok(d.officer.post(`/v1/access-requests/${requestId}/extend`, { reason: 'again' }), 409);

    const done = await ok(d.officer.post(`/v1/access-requests/${requestId}/fulfil`));
    expect(done.request).toMatchObject({ status: 'fulfilled', timing: 'closed' });
    const url: string = done.download.url;
    expect(url).toMatch(/^\/v1\/access-request-downloads\?token=[A-Za-z0-9_-]{43}$/);
    for (const text of [...alice.texts, ...bob.texts]) expect(url).not.toContain(text);
    await ok(d.officer.post(`/v1/access-requests/${requestId}/fulfil`), 409);

    // the link needs a caller who may read the request: not anyone, not another patient...
    await ok(client(t.app).get(url), 401);
    await ok(d.supervisor.get(url), 403);
    await ok(d.admin.get(url), 403);
    await ok(portal.bob.client.get(url), 404);
    const hidden = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['actor']?.id === portal.bob.id && e['outcome'] === 'denied',
    );
    expect(hidden).toEqual([expect.objectContaining({ reasonCode: 'NOT_VISIBLE' })]);
    // ...but the patient themselves, once
    const first = await portal.alice.client.get(url);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['cache-control']).toContain('no-store');
    const bundle = first.json();
    await ok(portal.alice.client.get(url), 404);
    await ok(d.officer.get(url), 404);

    // every ticket and comment of Alice, none of Bob's
    expect(bundle.record.contact).toMatchObject({ id: alice.id, name: alice.name });
    expect(bundle.record.tickets.map((x: { id: string }) => x.id).sort()).toEqual([...alice.tickets].sort());
    const comments = bundle.record.tickets.flatMap((x: { comments: Array<{ id: string }> }) => x.comments);
    expect(comments.map((c: { id: string }) => c.id).sort()).toEqual([...alice.comments].sort());
    expect(bundle.record.tickets[0].attachments).toEqual([
      expect.objectContaining({ filename: expect.any(String), contentType: 'text/plain' }),
    ]);
    const text = JSON.stringify(bundle);
    for (const v of alice.texts) expect(text).toContain(v);
    for (const v of bob.texts) expect(text).not.toContain(v);
    // FHIR R4: one Patient, a Communication per ticket and per comment; and a readable summary
    const kinds = bundle.fhir.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(kinds.filter((k: string) => k === 'Patient')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'Communication')).toHaveLength(
      alice.tickets.length + alice.comments.length,
    );
    expect(bundle.html).toContain(alice.name);

    // the download is on record before it left, and the fulfilment is a disclosure
    const events = await auditEvents(t.database.db, d.tenantId);
    const download = events.find((e) => e['action'] === 'access_request.download');
    expect(download).toMatchObject({ subjectContactId: alice.id, outcome: 'allowed' });
    expect(download!['actor'].id).toBe(portal.alice.id);
    const disclosures = await ok(d.officer.get(`/v1/disclosures?contactId=${alice.id}`));
    expect(disclosures.items).toEqual([
      expect.objectContaining({ source: 'access_request', purpose: 'to_individual', recipient: 'The individual' }),
    ]);
  });

  it('denies on a ground of the rule, reviewable or not, and lists due-soon and overdue requests', async () => {
    const opened = await ok(
      d.officer.post('/v1/access-requests', { contactId: bob.id, verificationMethod: 'portal_account' }),
      201,
    );
    const denied = await ok(
      d.officer.post(`/v1/access-requests/${opened.id}/deny`, {
        ground: 'harm_to_referenced_person',
        note: secret('DENYNOTE'),
      }),
    );
    expect(denied.denial).toMatchObject({ ground: 'harm_to_referenced_person', reviewable: true });
    expect(denied.denial.rule).toBe('164.524(a)(3)(ii)');
    await ok(d.officer.post(`/v1/access-requests/${opened.id}/fulfil`), 409);
    const open = await ok(d.officer.get('/v1/access-requests?timing=open'));
    expect(open.items).toEqual([]);
    const all = await ok(d.officer.get(`/v1/access-requests?contactId=${bob.id}`));
    expect(all.items.map((x: { id: string }) => x.id)).toEqual([opened.id]);
  });

  it('GraphQL opens and lists the same requests', async () => {
    const data = await gqlOk(
      d.officer,
      `mutation($c: ID!) { openAccessRequest(input: { contactId: $c, verificationMethod: "knowledge_based" }) { id status timing dueAt } }`,
      { c: bob.id },
    );
    expect(data.openAccessRequest).toMatchObject({ status: 'open', timing: 'on_time' });
    const listed = await gqlOk(d.officer, `{ accessRequests(timing: "open") { items { id contactId } } }`);
    expect(listed.accessRequests.items).toEqual([{ id: data.openAccessRequest.id, contactId: bob.id }]);
    const rest = await ok(d.officer.get(`/v1/access-requests/${data.openAccessRequest.id}`));
    expect(rest.dueAt).toBe(data.openAccessRequest.dueAt);
  });
});

describe('refusals', () => {
  it('a role that may not is 403, with a denied audit event; tenant admins read without the notes', async () => {
    const res = await d.supervisor.post('/v1/access-requests', {
      contactId: alice.id,
      verificationMethod: 'government_id',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const denied = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['outcome'] === 'denied' && e['action'] === 'access_request.create',
    );
    expect(denied.length).toBe(1);
    await ok(d.admin.post(`/v1/access-requests/${requestId}/extend`, { reason: 'x' }), 403);
    await ok(d.supervisor.get(`/v1/access-requests/${requestId}`), 403);
    const seen = await ok(d.admin.get(`/v1/access-requests/${requestId}`));
    expect(seen).toMatchObject({ masked: true, verificationNote: null, extensionReason: null, status: 'fulfilled' });
    const gql = await d.supervisor.gql(`{ accessRequests { items { id } } }`);
    expect(gql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("another tenant's ids are 404, and its contacts cannot be named (422)", async () => {
    await ok(other.officer.get(`/v1/access-requests/${requestId}`), 404);
    await ok(other.officer.post(`/v1/access-requests/${requestId}/extend`, { reason: 'x' }), 404);
    await ok(other.officer.post(`/v1/access-requests/${requestId}/fulfil`), 404);
    await ok(other.officer.post(`/v1/access-requests/${requestId}/deny`, { ground: 'privacy_act' }), 404);
    await ok(
      other.officer.post('/v1/access-requests', { contactId: alice.id, verificationMethod: 'government_id' }),
      422,
    );
    expect((await ok(other.officer.get(`/v1/disclosures?contactId=${alice.id}`))).items).toEqual([]);
    expect(await gqlCode(other.officer, `{ accessRequest(id: "${requestId}") { id } }`)).toBe('NOT_FOUND');
  });

  it('bad input is 400, never 500', async () => {
    const bad: Array<[string, string, unknown]> = [
      ['POST', '/v1/access-requests', { contactId: alice.id, verificationMethod: 'telepathy' }],
      ['POST', '/v1/access-requests', { contactId: 'nope', verificationMethod: 'government_id' }],
      ['POST', '/v1/access-requests', { contactId: alice.id, verificationMethod: 'other', verificationNote: '' }],
      ['POST', `/v1/access-requests/${requestId}/extend`, { reason: '' }],
      ['POST', `/v1/access-requests/${requestId}/deny`, { ground: 'because' }],
      ['GET', '/v1/access-requests/not-a-uuid', undefined],
      ['GET', '/v1/access-requests?timing=soonish', undefined],
      ['GET', '/v1/access-request-downloads', undefined],
    ];
    for (const [method, url, body] of bad) {
      const res = method === 'GET' ? await d.officer.get(url) : await d.officer.post(url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
    }
    await ok(d.officer.get('/v1/access-request-downloads?token=short'), 404);
    await ok(portal.alice.client.get(`/v1/access-request-downloads?token=${'A'.repeat(43)}`), 404);
    const code = await gqlCode(
      d.officer,
      `mutation($c: ID!) { openAccessRequest(input: { contactId: $c, verificationMethod: "telepathy" }) { id } }`,
      { c: alice.id },
    );
    expect(code).toBe('VALIDATION_FAILED');
  });
});

describe('canaries', () => {
  it('sealed notes never reach the logs, the audit trail or the database in clear', async () => {
    expect(sealed.length).toBeGreaterThanOrEqual(3);
    const dump = await databaseDump(t.database);
    const trail = JSON.stringify(await auditEvents(t.database.db));
    for (const v of [...sealed, ...alice.texts]) {
      expect(dump.text, `${v} in the dump (${dump.how})`).not.toContain(v);
      expect(t.logs.text).not.toContain(v);
      expect(trail).not.toContain(v);
    }
    // the bundle was erased once downloaded
    const { rows } = await sql<{ n: string }>`select count(*) as n from access_request_bundles
      where bundle_sealed is not null`.execute(t.database.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
