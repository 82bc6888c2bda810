// Incidents over REST, opened by hand for an API key over a window: the affected patients
// are exactly those its allowed reads touched in that window (not a colleague's, not its
// own outside the window, not what it was refused); the four-factor risk assessment keeps
// its codes plain and its notes sealed (a canary never reaches the database in clear, the
// logs or the audit trail) and shows the notes to the privacy officer only; other roles
// and tenants are refused; bad input is 400. Responses are checked against openapi.yaml.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { checkResponse } from '../contract/openapi-harness.js';
import { createAuditInbox } from '../../src/audit/index.js';
import { runActivityReview } from '../../src/activity-review/review-run.service.js';
import type { ServiceDeps } from '../../src/services/scope.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let officer: Client;
let auditor: Client;
let worker: { id: string; client: Client };
let colleague: Client;
let deps: ServiceDeps;
const contacts: string[] = [];

async function checked(res: Promise<Awaited<ReturnType<Client['get']>>>, method: string, url: string, status: number) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  checkResponse(method, url, r);
  return r.json();
}

const pause = () => new Promise((r) => setTimeout(r, 15));

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  deps = { db: t.database.db, audit: createAuditInbox(t.database.db, { addressHashKey: randomBytes(32) }) };
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  auditor = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['auditor'])).secret });
  const key = await mintKey(t.app, d.adminKey, ['supervisor']);
  worker = { id: key.id, client: client(t.app, { apiKey: key.secret }) };
  colleague = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['supervisor'])).secret });
  for (let i = 0; i < 8; i++)
    contacts.push((await ok(d.supervisor.post('/v1/contacts', { name: canary(`P${i}`) }), 201)).id);
}, 60_000);
afterAll(async () => t?.close());

describe('incidents over REST', () => {
  it('an incident for an API key and window lists exactly the patients it touched then', async () => {
    await ok(worker.client.get(`/v1/contacts/${contacts[0]}`)); // before the window
    await pause();
    const from = new Date();
    await pause();
    for (const id of contacts.slice(1, 4)) await ok(worker.client.get(`/v1/contacts/${id}`));
    await ok(colleague.get(`/v1/contacts/${contacts[4]}`)); // someone else, in the window
    await ok(worker.client.get(`/v1/business-associate-agreements`), 403); // refused: touches nothing
    await pause();
    const to = new Date();
    await pause();
    await ok(worker.client.get(`/v1/contacts/${contacts[5]}`)); // after the window

    const incident = await checked(
      officer.post('/v1/incidents', { actorId: worker.id, from: from.toISOString(), to: to.toISOString() }),
      'POST',
      '/v1/incidents',
      201,
    );
    expect(incident).toMatchObject({ affectedCount: 3, sourceFindingId: null, status: 'open', masked: false });
    expect(incident.riskAssessment.conclusion).toBe('undetermined');
    const url = `/v1/incidents/${incident.id}/affected-patients`;
    const page = await checked(officer.get(url), 'GET', url, 200);
    expect(page.items.map((p: { contactId: string }) => p.contactId).sort()).toEqual(contacts.slice(1, 4).sort());
    expect(page.items[0].operations).toEqual(['contact.read']);

    // the same window for every actor: the colleague's patient too
    const everyone = await ok(officer.post('/v1/incidents', { from: from.toISOString(), to: to.toISOString() }), 201);
    expect(everyone.scope).toMatchObject({ actorId: null, sessionId: null });
    const all = await ok(officer.get(`/v1/incidents/${everyone.id}/affected-patients`));
    expect(all.items.map((p: { contactId: string }) => p.contactId).sort()).toEqual(contacts.slice(1, 5).sort());
    await ok(officer.post('/v1/incidents', { sessionId: 's1', from: from.toISOString(), to: to.toISOString() }), 400);

    const list = await checked(auditor.get('/v1/incidents'), 'GET', '/v1/incidents', 200);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(incident.id);
    expect((await ok(other.admin.get('/v1/incidents'))).items).toEqual([]);
    await ok(other.admin.get(`/v1/incidents/${incident.id}`), 404);
    await ok(d.supervisor.get('/v1/incidents'), 403);
    await ok(
      d.admin.post('/v1/incidents', { actorId: worker.id, from: from.toISOString(), to: to.toISOString() }),
      403,
    );
  });

  it('keeps the risk assessment codes plain and its notes sealed, shown to the privacy officer only', async () => {
    const now = new Date().toISOString();
    const incident = await ok(officer.post('/v1/incidents', { actorId: worker.id, from: now, to: now }), 201);
    const note = canary('RISKNOTE');
    const path = `/v1/incidents/${incident.id}`;
    const changed = await checked(
      officer.patch(path, {
        natureAndExtent: { categories: ['names', 'identifiers'] },
        unauthorizedRecipient: { kind: 'workforce', note },
        acquiredOrViewed: { status: 'viewed' },
        conclusion: 'breach',
      }),
      'PATCH',
      path,
      200,
    );
    expect(changed.riskAssessment).toEqual({
      natureAndExtent: { categories: ['identifiers', 'names'], note: null },
      unauthorizedRecipient: { kind: 'workforce', note },
      acquiredOrViewed: { status: 'viewed', note: null },
      mitigation: { extent: 'none', note: null },
      conclusion: 'breach',
    });
    // a later change keeps what it does not name
    const again = await ok(officer.patch(path, { mitigation: { extent: 'partial' } }));
    expect(again.riskAssessment.unauthorizedRecipient.note).toBe(note);
    expect(again.riskAssessment.mitigation.extent).toBe('partial');

    for (const reader of [auditor, d.admin]) {
      const seen = await ok(reader.get(path));
      expect(seen.masked).toBe(true);
      expect(seen.riskAssessment.unauthorizedRecipient).toEqual({ kind: 'workforce', note: null });
    }
    await ok(d.admin.patch(path, { conclusion: 'low_probability' }), 403);
    await ok(auditor.patch(path, { conclusion: 'low_probability' }), 403);

    const { rows } = await sql<{ notes: Buffer; codes: unknown }>`
      select risk_notes_sealed as notes, risk_assessment as codes from incidents where id = ${incident.id}`.execute(
      t.database.db,
    );
    expect(rows[0]!.notes.toString('latin1')).not.toContain(note);
    expect(JSON.stringify(rows[0]!.codes)).not.toContain(note);
    const { rows: events } = await sql<{ body: string }>`
      select body from audit_events where tenant_id = ${d.tenantId} and resource_id = ${incident.id}`.execute(
      t.database.db,
    );
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.body).not.toContain(note);
    expect(t.logs.text).not.toContain(note);
  });

  it('assesses the breach: deadlines from discovery, states from sealed addresses, the safe harbour', async () => {
    const street = canary('STREET');
    const withState = async (region?: string) =>
      (
        await ok(
          d.supervisor.post('/v1/contacts', {
            name: canary('ADDR'),
            ...(region ? { address: { line1: street, city: 'Springfield', region, country: 'US' } } : {}),
          }),
          201,
        )
      ).id as string;
    const people = [await withState('ca'), await withState('NY'), await withState()];
    await pause();
    const from = new Date();
    for (const id of people) await ok(worker.client.get(`/v1/contacts/${id}`));
    const to = new Date();
    const discoveredAt = '2026-03-10T12:00:00.000Z';
    const incident = await ok(
      officer.post('/v1/incidents', {
        actorId: worker.id,
        from: from.toISOString(),
        to: to.toISOString(),
        discoveredAt,
      }),
      201,
    );
    const url = `/v1/incidents/${incident.id}/breach-assessment`;
    const a = await checked(officer.get(url), 'GET', url, 200);
    expect(a).toMatchObject({ affectedCount: 3, residentsByState: { CA: 1, NY: 1 }, stateUnknown: 1 });
    expect(a.deadlines).toEqual([
      { kind: 'individuals', rule: '164.404(b)', dueBy: '2026-05-09T12:00:00.000Z', states: null },
      { kind: 'hhs_annual_log', rule: '164.408(c)', dueBy: '2027-03-02T00:00:00.000Z', states: null },
    ]);
    // the worker read the values in clear: sealing at rest does not make this a secured loss
    expect(a.safeHarbour).toEqual({
      applies: false,
      sealedAtRest: true,
      unsealedFields: [],
      keysIntact: true,
      shownInClear: true,
      reasons: ['phi_shown_in_clear'],
    });
    const ba = await ok(officer.get(`${url}?businessAssociate=true`));
    expect(ba.deadlines.map((x: { kind: string }) => x.kind)).toContain('covered_entity');
    // the auditor sees the deadlines, not the patients' states (no read_phi on contacts)
    expect(await ok(auditor.get(url))).toMatchObject({ residentsByState: {}, stateUnknown: 3 });
    expect(JSON.stringify(a)).not.toContain(street);
    expect(t.logs.text).not.toContain(street);

    // a tenant admin's reads are masked (no PHI values shown): the safe harbour's test passes
    await pause();
    const from2 = new Date();
    await ok(d.admin.get(`/v1/contacts/${people[0]}`));
    const to2 = new Date();
    const adminId = (await ok(d.admin.get('/v1/me'))).id;
    const masked = await ok(
      officer.post('/v1/incidents', { actorId: adminId, from: from2.toISOString(), to: to2.toISOString() }),
      201,
    );
    expect(masked.affectedCount).toBe(1);
    const b = await ok(officer.get(`/v1/incidents/${masked.id}/breach-assessment`));
    expect(b.safeHarbour).toMatchObject({ applies: true, shownInClear: false, reasons: [] });

    // the HHS yearly log: one row per incident discovered that year, codes only
    const logUrl = '/v1/incidents/hhs-log?year=2026';
    const res = await officer.get(logUrl);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'incident_id,discovered_at,breach_start,breach_end,affected_count,hhs_notice,status,conclusion,phi_categories,recipient_kind,acquired_or_viewed,mitigation',
    );
    const row = lines.find((l) => l.startsWith(incident.id));
    expect(row).toBe(
      `${incident.id},${discoveredAt},${incident.scope.from},${incident.scope.to},3,annual_log,open,undetermined,,unknown,unknown,none`,
    );
    for (const id of people) expect(res.body).not.toContain(id);
    await ok(officer.get('/v1/incidents/hhs-log?year=1999'), 400);
    await ok(d.supervisor.get(logUrl), 403);
    expect((await other.admin.get(logUrl)).body.trim().split('\r\n')).toHaveLength(1);
  });

  it('renders a notification letter per affected patient from a template, audited, nothing logged', async () => {
    const name = canary('LETTERNAME');
    const line1 = canary('LETTERSTREET');
    const id = (
      await ok(
        d.supervisor.post('/v1/contacts', {
          name,
          address: { line1, city: 'Springfield', region: 'IL', postalCode: '62701' },
        }),
        201,
      )
    ).id;
    await pause();
    const from = new Date();
    await ok(worker.client.get(`/v1/contacts/${id}`));
    const to = new Date();
    const incident = await ok(
      officer.post('/v1/incidents', { actorId: worker.id, from: from.toISOString(), to: to.toISOString() }),
      201,
    );
    const url = `/v1/incidents/${incident.id}/letters`;
    const template =
      'Dear {{name}},\n{{address}}\nIncident {{incidentId}} ({{discoveredOn}}) involved your {{fields}}.';
    await ok(officer.post(url, { template: 'Dear {{patientSsn}}' }), 400);
    await ok(d.admin.post(url, { template }), 403);
    await ok(auditor.post(url, { template }), 403);
    const page = await checked(officer.post(url, { template }), 'POST', url, 200);
    expect(page.items).toEqual([
      {
        contactId: id,
        letter: `Dear ${name},\n${line1}\nSpringfield, IL 62701\nIncident ${incident.id} (${incident.discoveredAt.slice(0, 10)}) involved your address, name.`,
      },
    ]);
    expect(t.logs.text).not.toContain(name);
    expect(t.logs.text).not.toContain(line1);
    const { rows } = await sql<{
      body: string;
      entity_contact_ids: string[] | null;
      subject_contact_id: string | null;
    }>`
      select body, entity_contact_ids, subject_contact_id from audit_events
      where tenant_id = ${d.tenantId} and body like '%"incident.letters"%'`.execute(t.database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).not.toContain(name);
    expect([...(rows[0]!.entity_contact_ids ?? []), rows[0]!.subject_contact_id]).toContain(id);
  });

  it('queues a break-glass grant until it is reviewed (activity review over the audit trail)', async () => {
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject: canary('BG') }), 201);
    const grant = await ok(
      worker.client.post('/v1/break-glass', {
        resourceType: 'Ticket',
        resourceId: ticket.id,
        reason: canary('BGREASON'),
        durationMinutes: 5,
      }),
      201,
    );
    // the open event is written with its change and chained by the sequencer moments later
    const findingOf = async () => {
      for (let i = 0; i < 50; i++) {
        await runActivityReview(deps);
        const page = await ok(officer.get('/v1/review-findings?kind=break_glass'));
        const f = page.items.find((x: { period: string }) => x.period === grant.id);
        if (f) return f;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no break_glass finding');
    };
    expect(await findingOf()).toMatchObject({ actorId: worker.id, status: 'open', records: 1 });
    await ok(officer.post(`/v1/break-glass/${grant.id}/review`, { outcome: 'justified' }));
    let status = 'open';
    for (let i = 0; i < 50 && status === 'open'; i++) {
      await runActivityReview(deps);
      status = (await findingOf()).status;
      if (status === 'open') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('acknowledged');
  });

  it('refuses bad input with 400, never 5xx', async () => {
    const now = new Date();
    const later = new Date(now.getTime() + 3_600_000).toISOString();
    await ok(officer.post('/v1/incidents', { actorId: worker.id, from: later, to: now.toISOString() }), 400);
    await ok(
      officer.post('/v1/incidents', { actorId: worker.id, from: now.toISOString(), to: later, discoveredAt: later }),
      400,
    );
    await ok(officer.post('/v1/incidents', { actorId: worker.id, from: 'yesterday', to: later }), 400);
    const incident = await ok(
      officer.post('/v1/incidents', { actorId: worker.id, from: now.toISOString(), to: now.toISOString() }),
      201,
    );
    await ok(officer.patch(`/v1/incidents/${incident.id}`, { conclusion: 'maybe' }), 400);
    await ok(officer.patch(`/v1/incidents/${incident.id}`, {}), 400);
    await ok(officer.patch(`/v1/incidents/${incident.id}`, { mitigation: { note: '' } }), 400);
    await ok(officer.get('/v1/incidents/not-a-uuid'), 400);
    await ok(officer.get('/v1/incidents?cursor=bogus'), 400);
  });
});
