// Acceptance 1 (recipients part): with the tenant's recipient check on, a public reply to an
// unverified requester, to someone who is no representative, or to a representative out of
// scope (or unverified) is refused with problem+json naming what is missing; the same reply
// to the verified patient (or an in-scope, verified representative) goes through. A revoked
// or expired verification no longer counts. The refused reply's text (a canary) is in no
// response, log, audit event or database table. Internal notes are never checked.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { databaseDump } from '../helpers/database-dump.js';
import { canary, desk, expectNoCanary, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let agent: Client;
let patient: string;
let rep: string;
let stranger: string;
let ticketId: string;
const canaries: string[] = [];

const reply = (body: Record<string, unknown>) =>
  d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { public: true, ...body });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
  const contact = async (name: string) => (await ok(d.supervisor.post('/v1/contacts', { name }), 201)).id as string;
  patient = await contact('Pat Ient');
  rep = await contact('Rep Resentative');
  stranger = await contact('Stran Ger');
  ticketId = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Bill', requesterId: patient }), 201)).id;
});
afterAll(async () => t?.close());

describe('the recipient check', () => {
  it('is off by default: a reply to an unverified requester goes out as before', async () => {
    expect((await ok(d.admin.get('/v1/disclosure-settings'))).recipientCheck).toBe('off');
    await ok(reply({ body: 'before the check is on' }), 201);
  });

  it('is turned on by a tenant admin only', async () => {
    const bad = await agent.put('/v1/disclosure-settings', { recipientCheck: 'refuse', verificationValidDays: 30 });
    expect(bad.statusCode, bad.body).toBe(403);
    const invalid = await d.admin.put('/v1/disclosure-settings', { recipientCheck: 'maybe', verificationValidDays: 0 });
    expect(invalid.statusCode, invalid.body).toBe(400);
    const set = await ok(
      d.admin.put('/v1/disclosure-settings', { recipientCheck: 'refuse', verificationValidDays: 30 }),
    );
    expect(set).toMatchObject({ recipientCheck: 'refuse', verificationValidDays: 30, isDefault: false });
  });

  it('refuses a reply to the unverified requester, naming what is missing and storing nothing', async () => {
    const body = canary('UNVERIFIED');
    canaries.push(body);
    const r = await reply({ body });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json().errors).toEqual([{ pointer: '/requester', detail: "the patient's identity is not verified" }]);
    expectNoCanary(r.body, canaries, 'response');
    // an internal note is not a disclosure: never checked
    await ok(d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: 'note', public: false }), 201);
  });

  it('lets the same reply go to the patient once an agent has verified them', async () => {
    const v = await ok(agent.post(`/v1/contacts/${patient}/verifications`, { method: 'government_id' }), 201);
    expect(v).toMatchObject({ contactId: patient, method: 'government_id', valid: true, revokedAt: null });
    const bad = await agent.post(`/v1/contacts/${patient}/verifications`, { method: 'vibes' });
    expect(bad.statusCode, bad.body).toBe(400);
    await ok(reply({ body: 'to the verified patient' }), 201);
  });

  it('refuses someone who is no representative, and a representative out of scope or unverified', async () => {
    const body = canary('OUTOFSCOPE');
    canaries.push(body);
    const notRep = await reply({ body, recipients: [stranger] });
    expect(notRep.statusCode, notRep.body).toBe(422);
    expect(notRep.json().errors).toEqual([
      { pointer: '/recipients/0', detail: 'not the patient nor an effective personal representative of the patient' },
    ]);

    await ok(
      d.supervisor.post('/v1/personal-representatives', {
        patientContactId: patient,
        representativeContactId: rep,
        relationship: 'spouse',
        scope: 'billing',
        effectiveFrom: day(-1),
      }),
      201,
    );
    const unverified = await reply({ body, recipients: [rep], topic: 'billing' });
    expect(unverified.statusCode, unverified.body).toBe(422);
    expect(unverified.json().errors).toEqual([
      { pointer: '/recipients/0', detail: "the representative's identity is not verified" },
    ]);

    await ok(d.supervisor.post(`/v1/contacts/${rep}/verifications`, { method: 'callback_to_number_on_file' }), 201);
    const clinical = await reply({ body, recipients: [rep], topic: 'clinical' });
    expect(clinical.statusCode, clinical.body).toBe(422);
    expect(clinical.json().errors).toEqual([
      { pointer: '/recipients/0', detail: "representative's scope does not cover the topic clinical" },
    ]);
    const noTopic = await reply({ body, recipients: [rep] });
    expect(noTopic.statusCode, noTopic.body).toBe(422);
    expect(noTopic.json().errors[0].detail).toMatch(/needs scope all/);

    await ok(reply({ body: 'your bill', recipients: [rep], topic: 'billing' }), 201);
  });

  it('a representative not yet effective does not count', async () => {
    const later = (await ok(d.supervisor.post('/v1/contacts', { name: 'Fu Ture' }), 201)).id;
    await ok(d.supervisor.post(`/v1/contacts/${later}/verifications`, { method: 'in_person' }), 201);
    await ok(
      d.supervisor.post('/v1/personal-representatives', {
        patientContactId: patient,
        representativeContactId: later,
        relationship: 'legal_guardian',
        scope: 'all',
        effectiveFrom: day(3),
      }),
      201,
    );
    const r = await reply({ body: 'too early', recipients: [later] });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().errors[0].pointer).toBe('/recipients/0');
  });

  it('a revoked or expired verification no longer counts', async () => {
    const [v] = (await ok(d.supervisor.get(`/v1/contacts/${patient}/verifications`))).items;
    expect((await agent.post(`/v1/contact-verifications/${v.id}/revoke`)).statusCode).toBe(403);
    expect((await ok(d.supervisor.post(`/v1/contact-verifications/${v.id}/revoke`))).valid).toBe(false);
    expect((await reply({ body: 'after revocation' })).statusCode).toBe(422);

    await ok(d.supervisor.post(`/v1/contacts/${patient}/verifications`, { method: 'in_person' }), 201);
    await ok(reply({ body: 'verified again' }), 201);
    // 31 days ago is past the tenant's 30-day validity
    await sql`update contact_verifications set verified_at = now() - interval '31 days'
      where contact_id = ${patient}`.execute(t.database.db);
    expect((await reply({ body: 'after expiry' })).statusCode).toBe(422);
    const listed = await ok(d.supervisor.get(`/v1/contacts/${patient}/verifications`));
    expect(listed.items.every((i: { valid: boolean }) => !i.valid)).toBe(true);
  });

  it('left the refused replies nowhere: not in logs, audit events or any table', async () => {
    expectNoCanary(t.logs.text, canaries, 'logs');
    expectNoCanary(JSON.stringify(await auditEvents(t.database.db, d.tenantId)), canaries, 'audit events');
    const dump = await databaseDump(t.database);
    expectNoCanary(dump.text, canaries, `database (${dump.how})`);
    const events = (await auditEvents(t.database.db, d.tenantId)).map((e) => JSON.stringify(e));
    expect(events.some((e) => e.includes('contact_verification.create'))).toBe(true);
    expect(events.some((e) => e.includes('contact_verification.revoke'))).toBe(true);
    expect(events.some((e) => e.includes('disclosure_settings.put'))).toBe(true);
  });
});
