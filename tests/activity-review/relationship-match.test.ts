// Issue 17's relationship detector, end to end over REST with real keys and PostgreSQL: a
// staff user (signed in through the tenant's identity provider) whose self-declared surname
// (or address) matches a patient's is raised as a relationship_match finding when they read
// that patient's record, once per user and patient; a patient with another surname, the
// setting off, and another tenant's identically named patient raise nothing. Both sides are
// compared by blind index only: the surname canary is in no database row, audit event or log.
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { databaseDump } from '../helpers/database-dump.js';
import { createAuditInbox } from '../../src/audit/index.js';
import { runActivityReview } from '../../src/activity-review/review-run.service.js';
import type { ServiceDeps } from '../../src/services/scope.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let idp: FakeIdp;
let d: Desk;
let other: Desk;
let deps: ServiceDeps;
let officer: Client;
let otherOfficer: Client;
let jane: { id: string; client: Client };
const SURNAME = canary('DOE');
const STREET = canary('STREET');
const OTHER = canary('SMITH');
const patients = { john: '', ann: '', neighbour: '', otherJohn: '' };

const settings = (surname: boolean, address: boolean) => ({
  timeZone: 'UTC',
  businessStart: '00:00',
  businessEnd: '24:00',
  businessDays: [1, 2, 3, 4, 5, 6, 7],
  offHoursMinRecords: 20,
  volumeMinRecords: 100000,
  volumeFactor: 3,
  deniedBurstMin: 1000,
  relationshipMatch: { surname, address },
});

async function findings(c: Client): Promise<Array<{ kind: string; actorId: string; period: string }>> {
  return (await ok(c.get('/v1/review-findings?kind=relationship_match'))).items;
}

beforeAll(async () => {
  t = await startTestApp({ auditJobs: false, env: { ALLOW_HTTP_JWKS: 'true' } });
  idp = await startFakeIdp();
  d = await desk(t, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'phidesk' } });
  other = await desk(t);
  deps = { db: t.database.db, audit: createAuditInbox(t.database.db, { addressHashKey: randomBytes(32) }) };
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  otherOfficer = client(t.app, { apiKey: (await mintKey(t.app, other.adminKey, ['privacy_officer'])).secret });
  const token = idp.sign({ iss: idp.issuer, aud: 'phidesk', sub: 'jane', roles: ['supervisor'] });
  const janeClient = client(t.app, { bearer: token });
  jane = { id: (await ok(janeClient.get('/v1/me'))).id, client: janeClient };
  const address = { line1: `1 ${STREET} Road`, postalCode: 'AB1 2CD' };
  patients.john = (await ok(d.supervisor.post('/v1/contacts', { name: `John ${SURNAME}` }), 201)).id;
  patients.ann = (await ok(d.supervisor.post('/v1/contacts', { name: `Ann ${OTHER}` }), 201)).id;
  patients.neighbour = (await ok(d.supervisor.post('/v1/contacts', { name: `Ned ${OTHER}x`, address }), 201)).id;
  patients.otherJohn = (await ok(other.supervisor.post('/v1/contacts', { name: `John ${SURNAME}` }), 201)).id;
  // Jane declares her surname (same spelling, other case and spacing: normalised alike) and address
  const set = await ok(
    d.admin.put(`/v1/users/${jane.id}/relationship-hashes`, {
      surname: `  ${SURNAME.toLowerCase()} `,
      address: { line1: ` 1 ${STREET.toLowerCase()}  road`, postalCode: 'ab12cd' },
    }),
  );
  expect(set).toEqual({ userId: jane.id, surnameSet: true, addressSet: true });
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe('activity review: relationship match (surname / address blind indexes)', () => {
  it('raises nothing while the setting is off (the default)', async () => {
    await ok(jane.client.get(`/v1/contacts/${patients.john}`));
    await runActivityReview(deps);
    expect(await findings(officer)).toEqual([]);
    expect((await ok(officer.get('/v1/activity-review/settings'))).relationshipMatch).toEqual({
      surname: false,
      address: false,
    });
  });

  it('surname on: reading John Doe raises one finding naming Jane and John; Ann Smith raises none', async () => {
    await ok(officer.put('/v1/activity-review/settings', settings(true, false)));
    await ok(jane.client.get(`/v1/contacts/${patients.john}`));
    await ok(jane.client.get(`/v1/contacts/${patients.ann}`));
    await ok(jane.client.get(`/v1/contacts/${patients.neighbour}`));
    // another staff member (an API key, no declared surname) reads John too: not a match
    await ok(d.supervisor.get(`/v1/contacts/${patients.john}`));
    expect(await runActivityReview(deps)).toBeGreaterThanOrEqual(1);
    const raised = await findings(officer);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'relationship_match', actorId: jane.id, period: patients.john });
    // once per user and patient: more reads of John add to it, never a second finding
    await ok(jane.client.get(`/v1/contacts/${patients.john}`));
    await runActivityReview(deps);
    expect(await findings(officer)).toHaveLength(1);
  });

  it("address on: reading the patient at Jane's declared address raises a finding", async () => {
    await ok(officer.put('/v1/activity-review/settings', settings(false, true)));
    await ok(jane.client.get(`/v1/contacts/${patients.neighbour}`));
    await ok(jane.client.get(`/v1/contacts/${patients.ann}`));
    await runActivityReview(deps);
    const periods = (await findings(officer)).map((f) => f.period).sort();
    expect(periods).toEqual([patients.john, patients.neighbour].sort());
  });

  it('another tenant: its identically named patient has another index and raises nothing', async () => {
    await ok(otherOfficer.put('/v1/activity-review/settings', settings(true, true)));
    await ok(other.supervisor.get(`/v1/contacts/${patients.otherJohn}`));
    await runActivityReview(deps);
    expect(await findings(otherOfficer)).toEqual([]);
    const { rows } = await sql<{ id: string; surname_bidx: Buffer | null }>`
      select id, surname_bidx from contacts where id in (${patients.john}, ${patients.otherJohn})
    `.execute(t.database.db);
    const byId = new Map(rows.map((r) => [r.id, r.surname_bidx]));
    expect(byId.get(patients.john)).toHaveLength(16);
    expect(byId.get(patients.otherJohn)).toHaveLength(16);
    expect(byId.get(patients.john)!.equals(byId.get(patients.otherJohn)!)).toBe(false);
    // the same index as Jane's: the one her declaration and John's record were hashed to
    const { rows: users } = await sql<{ surname_bidx: Buffer }>`
      select surname_bidx from users where id = ${jane.id}
    `.execute(t.database.db);
    expect(users[0]!.surname_bidx.equals(byId.get(patients.john)!)).toBe(true);
    // tenant B's admin cannot set (or learn about) tenant A's user
    await ok(other.admin.put(`/v1/users/${jane.id}/relationship-hashes`, { surname: 'X' }), 404);
  });

  it('only a tenant admin declares; bad input is a 4xx; the change is audited without values', async () => {
    await ok(d.supervisor.put(`/v1/users/${jane.id}/relationship-hashes`, { surname: SURNAME }), 403);
    await ok(jane.client.put(`/v1/users/${jane.id}/relationship-hashes`, { surname: SURNAME }), 403);
    await ok(d.admin.put(`/v1/users/${jane.id}/relationship-hashes`, { surname: '   ' }), 400);
    await ok(d.admin.put(`/v1/users/${jane.id}/relationship-hashes`, { address: { line1: 'x' } }), 400);
    await ok(d.admin.put(`/v1/users/${patients.john}/relationship-hashes`, { surname: 'X' }), 404);
    const events = await auditEvents(t.database.db, d.tenantId);
    const set = events.filter((e) => e['action'] === 'user.relationship_hashes_set' && e['outcome'] === 'allowed');
    expect(set.length).toBeGreaterThanOrEqual(1);
    expect(set[0]).toMatchObject({ resource: { type: 'User', id: jane.id }, phiFields: [] });
    expect(JSON.stringify(events).toLowerCase()).not.toContain(SURNAME.toLowerCase());
  });

  it('the surname and street are in no database row, audit event or log line', async () => {
    const dump = (await databaseDump(t.database)).text.toLowerCase();
    const logs = t.logs.text.toLowerCase();
    for (const secret of [SURNAME, STREET, OTHER]) {
      expect(dump.includes(secret.toLowerCase()), `${secret} in the database`).toBe(false);
      expect(logs.includes(secret.toLowerCase()), `${secret} in the logs`).toBe(false);
    }
  });
});
