// Patient-rights deadlines raise events: an open access request entering its last 7 days is
// announced once as access_request.due_soon, once past its due time as .overdue; an
// extension moves the due time and re-arms both; a request closed in time raises nothing;
// accounting requests likewise. Rounds are driven with a controlled clock
// (announceDeadlines(deps, now)); the app's own watcher is off (auditJobs: false). Events
// carry ids and the due time, never PHI.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import * as access from '../../src/patient-rights/access-requests.service.js';
import * as accounting from '../../src/patient-rights/accounting-requests.service.js';
import { announceDeadlines } from '../../src/patient-rights/deadline-watch.service.js';
import type { PatientRightsDeps } from '../../src/patient-rights/patient-rights.model.js';
import type { Actor } from '../../src/auth/actor.js';
import { canary, ok } from '../tickets/helpers.js';
import { officerActor, rightsDeps, rightsDesk, type RightsDesk } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2027-05-03T09:00:00.000Z');
let now = T0;
const day = (n: number) => new Date(T0.getTime() + n * DAY);

let t: TestApp;
let d: RightsDesk;
let deps: PatientRightsDeps;
let officer: Actor;
let contactId: string;
const name = canary('DEADLINE');

async function events(): Promise<Array<{ type: string; payload: Record<string, string> }>> {
  const { rows } = await sql<{ type: string; payload: Record<string, string> }>`
    select type, payload from webhook_events where tenant_id = ${d.tenantId} order by created_at, id`.execute(
    t.database.db,
  );
  return rows.filter((r) => r.type.startsWith('access_request.') || r.type.startsWith('accounting_request.'));
}

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, auditJobs: false });
  d = await rightsDesk(t);
  deps = rightsDeps(t, () => now);
  officer = officerActor(d.tenantId);
  contactId = (await ok(d.supervisor.post('/v1/contacts', { name }), 201)).id;
  const eventTypes = [
    'access_request.due_soon',
    'access_request.overdue',
    'accounting_request.due_soon',
    'accounting_request.overdue',
  ];
  await ok(d.admin.post('/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hook', eventTypes }), 201);
}, 60_000);
afterAll(async () => t?.close());

describe('patient-rights deadline events', () => {
  it('announce an access request due soon once, overdue once, and again after an extension', async () => {
    now = day(0);
    const req = await access.openAccessRequest(deps, officer, { contactId, verificationMethod: 'government_id' });
    const closed = await access.openAccessRequest(deps, officer, { contactId, verificationMethod: 'government_id' });
    await access.denyAccessRequest(deps, officer, closed.id, { ground: 'endanger_life_or_safety' });
    expect(await announceDeadlines(deps, day(20))).toBe(0);
    expect(await announceDeadlines(deps, day(24))).toBe(1);
    expect(await announceDeadlines(deps, day(25))).toBe(0);
    now = day(26);
    await access.extendAccessRequest(deps, officer, req.id, { reason: 'Records held off site' });
    // the due time moved to day 60: nothing is overdue at day 31, it is due soon again at day 54
    expect(await announceDeadlines(deps, day(31))).toBe(0);
    expect(await announceDeadlines(deps, day(54))).toBe(1);
    expect(await announceDeadlines(deps, day(61))).toBe(1);
    expect(await announceDeadlines(deps, day(90))).toBe(0);
    const mine = (await events()).filter((e) => e.payload['accessRequestId'] === req.id);
    expect(mine.map((e) => e.type)).toEqual([
      'access_request.due_soon',
      'access_request.due_soon',
      'access_request.overdue',
    ]);
    expect(mine.map((e) => e.payload['dueAt'])).toEqual([
      day(30).toISOString(),
      day(60).toISOString(),
      day(60).toISOString(),
    ]);
    expect((await events()).some((e) => e.payload['accessRequestId'] === closed.id)).toBe(false);
    expect(JSON.stringify(await events())).not.toContain(name);
  });

  it('announce an accounting request due soon and overdue, once each', async () => {
    now = day(100);
    const req = await accounting.openAccountingRequest(deps, officer, { contactId });
    expect(await announceDeadlines(deps, day(100 + 54))).toBe(1);
    // two watchers at once (two processes) announce it once between them
    const both = await Promise.all([announceDeadlines(deps, day(100 + 61)), announceDeadlines(deps, day(100 + 61))]);
    expect(both[0]! + both[1]!).toBe(1);
    const mine = (await events()).filter((e) => e.payload['accountingRequestId'] === req.id).map((e) => e.type);
    expect(mine).toEqual(['accounting_request.due_soon', 'accounting_request.overdue']);
  });
});
