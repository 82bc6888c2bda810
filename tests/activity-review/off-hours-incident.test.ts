// Acceptance 1 of issue 17, end to end over REST: an actor who reads 200 patients' records
// off hours appears in the review queue; opening an incident from that finding gives an
// affected-patient list equal to exactly the patients that actor touched in the window,
// checked against the test's own record of reads. Around the 200 reads, the same actor
// reads other patients inside business hours (before) and after the finding's window, and
// another actor reads patients during the window: none of those may appear.
//
// Business hours are configured (PUT /v1/activity-review/settings) so that "now" is inside
// them for the first reads and outside them for the rest; the detectors run on demand
// (runActivityReview), the app's own periodic round being off (auditJobs: false).
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { createAuditInbox } from '../../src/audit/index.js';
import { runActivityReview } from '../../src/activity-review/review-run.service.js';
import type { ServiceDeps } from '../../src/services/scope.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let deps: ServiceDeps;
let officer: Client;
let auditor: Client;
let snoop: { id: string; client: Client };
let colleague: Client;
const contacts: string[] = [];
const names: string[] = [];
let actedOn: { id: string; windowEnd: string } | undefined;

const allDay = {
  timeZone: 'America/New_York',
  businessStart: '00:00',
  businessEnd: '24:00',
  businessDays: [1, 2, 3, 4, 5, 6, 7],
  offHoursMinRecords: 20,
  volumeMinRecords: 100000,
  volumeFactor: 3,
  deniedBurstMin: 20,
};
// no business day at all: every moment is off hours
const closed = { ...allDay, businessDays: [] };

beforeAll(async () => {
  t = await startTestApp({ auditJobs: false });
  d = await desk(t);
  other = await desk(t);
  deps = { db: t.database.db, audit: createAuditInbox(t.database.db, { addressHashKey: randomBytes(32) }) };
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  auditor = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['auditor'])).secret });
  const key = await mintKey(t.app, d.adminKey, ['supervisor']);
  snoop = { id: key.id, client: client(t.app, { apiKey: key.secret }) };
  colleague = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['supervisor'])).secret });
  for (let i = 0; i < 240; i++) {
    const name = canary(`PATIENT${i}`);
    names.push(name);
    contacts.push((await ok(d.supervisor.post('/v1/contacts', { name }), 201)).id);
  }
}, 180_000);
afterAll(async () => t?.close());

async function read(c: Client, contactId: string): Promise<void> {
  await ok(c.get(`/v1/contacts/${contactId}`));
}

describe('activity review: off-hours access to an incident (REST)', () => {
  it('queues the actor and opens an incident whose affected patients are exactly those read in the window', async () => {
    // 1. business hours cover now: reads now are not off hours
    await ok(officer.put('/v1/activity-review/settings', allDay));
    const before = contacts.slice(200, 210);
    for (const id of before) await read(snoop.client, id);
    await runActivityReview(deps);
    let queue = await ok(officer.get('/v1/review-findings?kind=off_hours'));
    expect(queue.items).toEqual([]);

    // 2. now off hours: the snoop reads 200 patients (and two tickets, whose requesters are
    // patients too); a colleague reads 15 others meanwhile
    await ok(officer.put('/v1/activity-review/settings', closed));
    const touched = new Set<string>();
    const ticketPatients = contacts.slice(230, 232);
    const tickets: string[] = [];
    for (const requesterId of ticketPatients)
      tickets.push((await ok(d.supervisor.post('/v1/tickets', { subject: canary('SUBJ'), requesterId }), 201)).id);
    for (let i = 0; i < 200; i++) {
      await read(snoop.client, contacts[i]!);
      touched.add(contacts[i]!);
      if (i % 20 === 0) await read(colleague, contacts[210 + i / 20]!);
    }
    for (let i = 0; i < tickets.length; i++) {
      await ok(snoop.client.get(`/v1/tickets/${tickets[i]}`));
      touched.add(ticketPatients[i]!);
    }
    expect(touched.size).toBe(202);
    expect(await runActivityReview(deps)).toBeGreaterThanOrEqual(1);
    // incremental: a second round reads nothing again (the cursor is at the head, no tally doubled)
    expect(await runActivityReview(deps)).toBe(0);
    const { rows: state } = await sql<{ cursor: string; head: string; volume: string }>`
      select (select last_seq from activity_review_cursors where tenant_id = ${d.tenantId}) as cursor,
             (select max(seq) from audit_events where tenant_id = ${d.tenantId}) as head,
             (select sum(records) from activity_tallies where tenant_id = ${d.tenantId} and kind = 'volume' and actor_id = ${snoop.id}) as volume
    `.execute(t.database.db);
    expect(Number(state[0]!.cursor)).toBe(Number(state[0]!.head));
    expect(Number(state[0]!.volume)).toBe(before.length + 202);

    // 3. after the detectors' run the snoop reads more: past the finding's window
    for (const id of contacts.slice(220, 225)) await read(snoop.client, id);

    queue = await ok(officer.get('/v1/review-findings?kind=off_hours&status=open'));
    const finding = queue.items.find((f: { actorId: string }) => f.actorId === snoop.id);
    expect(finding, JSON.stringify(queue.items)).toBeDefined();
    expect(finding).toMatchObject({ kind: 'off_hours', actorKind: 'api_key', records: 202, status: 'open' });
    // the auditor and tenant admin read the queue too; other tenants see nothing of it
    expect((await ok(auditor.get(`/v1/review-findings/${finding.id}`))).id).toBe(finding.id);
    expect((await ok(d.admin.get('/v1/review-findings'))).items.length).toBeGreaterThan(0);
    await ok(other.admin.get(`/v1/review-findings/${finding.id}`), 404);
    expect((await ok(other.admin.get('/v1/review-findings'))).items).toEqual([]);
    // only the privacy officer acts on the queue
    await ok(d.admin.post(`/v1/review-findings/${finding.id}/incident`, {}), 403);
    await ok(auditor.post(`/v1/review-findings/${finding.id}/acknowledge`), 403);
    await ok(d.supervisor.get('/v1/review-findings'), 403);
    await ok(d.admin.put('/v1/activity-review/settings', allDay), 403);

    const incident = await ok(officer.post(`/v1/review-findings/${finding.id}/incident`, {}), 201);
    actedOn = finding;
    expect(incident).toMatchObject({
      status: 'open',
      sourceFindingId: finding.id,
      scope: { actorId: snoop.id, from: finding.windowStart, to: finding.windowEnd },
      affectedCount: 202,
    });
    const listed: Array<{ contactId: string; operations: string[]; phiFields: string[] }> = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof listed; nextCursor: string | null } = await ok(
        officer.get(`/v1/incidents/${incident.id}/affected-patients?limit=100${cursor ? `&cursor=${cursor}` : ''}`),
      );
      listed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(listed.map((p) => p.contactId))).toEqual(touched);
    expect(listed).toHaveLength(202);
    // the operations and fields shown: contacts were read with their name; the tickets' patients through the ticket
    const viaContact = listed.find((p) => p.contactId === contacts[0]);
    expect(viaContact).toMatchObject({ operations: ['contact.read'] });
    expect(viaContact!.phiFields).toContain('contact.name');
    expect(listed.find((p) => p.contactId === ticketPatients[0])!.operations).toEqual(['ticket.read']);

    // the finding is closed by the incident; it cannot be acted on twice
    expect(await ok(officer.get(`/v1/review-findings/${finding.id}`))).toMatchObject({
      status: 'incident_opened',
      incidentId: incident.id,
    });
    await ok(officer.post(`/v1/review-findings/${finding.id}/incident`, {}), 409);
    // no patient's name anywhere in what the review wrote
    const logs = t.logs.text;
    for (const name of names.slice(0, 5)) expect(logs).not.toContain(name);
  }, 180_000);

  it('dismisses a finding with a sealed reason only the privacy officer reads back', async () => {
    // the colleague read 10 patients off hours; lower the threshold so that is a finding
    await ok(officer.put('/v1/activity-review/settings', { ...closed, offHoursMinRecords: 5 }));
    for (const id of contacts.slice(232, 240)) await read(colleague, id);
    await runActivityReview(deps);
    // the snoop's later reads (step 3) were tallied, but the finding acted on keeps its window
    expect(await ok(officer.get(`/v1/review-findings/${actedOn!.id}`))).toMatchObject({
      records: 202,
      windowEnd: actedOn!.windowEnd,
    });
    const queue = await ok(officer.get('/v1/review-findings?kind=off_hours&status=open'));
    const finding = queue.items[0];
    expect(finding).toBeDefined();
    const reason = canary('REASON');
    await ok(officer.post(`/v1/review-findings/${finding.id}/dismiss`, { reason: '' }), 400);
    const dismissed = await ok(officer.post(`/v1/review-findings/${finding.id}/dismiss`, { reason }));
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: reason, masked: false });
    expect(await ok(auditor.get(`/v1/review-findings/${finding.id}`))).toMatchObject({
      dismissReason: null,
      masked: true,
    });
    const { rows } = await sql<{ sealed: Buffer }>`
      select dismiss_reason_sealed as sealed from review_findings where id = ${finding.id}`.execute(t.database.db);
    expect(rows[0]!.sealed.toString('latin1')).not.toContain(reason);
    await ok(officer.post(`/v1/review-findings/${finding.id}/acknowledge`), 409);
  }, 60_000);
});
