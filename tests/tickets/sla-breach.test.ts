// SLA breaches as events: a clock that runs out is announced once as ticket.sla_breached,
// to the webhook outbox (in the transaction that marks it announced) and to subscribers.
// The watcher is driven here with a controlled clock (announceSlaBreaches(deps, now));
// the app's own timer is off (auditJobs: false), so nothing races the test.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { announceSlaBreaches } from '../../src/tickets/sla-breach-watch.service.js';
import type { TicketChange } from '../../src/live/ticket-changes.js';
import { desk, ok, type Desk } from './helpers.js';

let t: TestApp;
let d: Desk;
let late: string; // no response: both clocks run out
let answered: string; // a public reply stops its first-response clock
let solved: string; // solved in time: no resolution breach
const published: Array<{ tenantId: string; change: TicketChange }> = [];
const deps = () => ({
  db: t.database.db,
  changes: { publish: (tenantId: string, change: TicketChange) => published.push({ tenantId, change }) },
});
const HOUR = 3_600_000;

async function breachEvents(): Promise<Array<{ ticketId: string; sla: string; dueAt: string }>> {
  const { rows } = await sql<{ payload: { ticketId: string; sla: string; dueAt: string } }>`
    select payload from webhook_events where tenant_id = ${d.tenantId} and type = 'ticket.sla_breached' order by created_at, id`.execute(
    t.database.db,
  );
  return rows.map((r) => r.payload);
}

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, auditJobs: false });
  d = await desk(t);
  await ok(d.admin.put('/v1/sla-policies/normal', { firstResponseMinutes: 60, resolutionMinutes: 480 }));
  await ok(
    d.admin.post('/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hook', eventTypes: ['ticket.sla_breached'] }),
    201,
  );
  const make = async () => (await ok(d.supervisor.post('/v1/tickets', { subject: 'x', priority: 'normal' }), 201)).id;
  late = await make();
  answered = await make();
  solved = await make();
  await ok(d.supervisor.post(`/v1/tickets/${answered}/comments`, { body: 'on it', public: true }), 201);
  await ok(d.supervisor.post(`/v1/tickets/${solved}/comments`, { body: 'done', public: true }), 201);
  await ok(d.supervisor.patch(`/v1/tickets/${solved}`, { status: 'solved' }));
});
afterAll(async () => t?.close());

describe('SLA breach announcements', () => {
  it('announce nothing before a clock runs out', async () => {
    expect(await announceSlaBreaches(deps(), new Date(Date.now() + 30 * 60_000))).toBe(0);
    expect(await breachEvents()).toEqual([]);
  });

  it('announce a first-response breach once, for the ticket nobody answered', async () => {
    const at = new Date(Date.now() + 2 * HOUR);
    // two watchers at once (two processes): each breach is claimed by one of them
    const counts = await Promise.all([announceSlaBreaches(deps(), at), announceSlaBreaches(deps(), at)]);
    expect(counts[0]! + counts[1]!).toBe(1);
    expect(await announceSlaBreaches(deps(), at)).toBe(0);
    const events = await breachEvents();
    expect(events).toEqual([{ ticketId: late, sla: 'first_response', dueAt: expect.any(String) }]);
    const ticket = await ok(d.supervisor.get(`/v1/tickets/${late}`));
    expect(events[0]!.dueAt).toBe(new Date(ticket.sla.firstResponseDueAt).toISOString());
    expect(published).toEqual([
      { tenantId: d.tenantId, change: expect.objectContaining({ type: 'ticket.sla_breached', ticketId: late }) },
    ]);
  });

  it('announce resolution breaches for the open tickets, not the one solved in time', async () => {
    const at = new Date(Date.now() + 9 * HOUR);
    expect(await announceSlaBreaches(deps(), at)).toBe(2);
    const resolution = (await breachEvents()).filter((e) => e.sla === 'resolution').map((e) => e.ticketId);
    expect(resolution.sort()).toEqual([late, answered].sort());
    expect(await announceSlaBreaches(deps(), new Date(Date.now() + 48 * HOUR))).toBe(0);
  });

  it('announce again when the clock was moved and then ran out again', async () => {
    // nothing in the API moves a clock after creation yet; a later one (re-prioritising) may,
    // so the watcher remembers which due time it announced, not merely that it did
    const movedTo = new Date(Date.now() + 50 * HOUR);
    await sql`update tickets set first_response_due_at = ${movedTo} where id = ${late}`.execute(t.database.db);
    const before = (await breachEvents()).length;
    expect(await announceSlaBreaches(deps(), new Date(Date.now() + 49 * HOUR))).toBe(0);
    expect(await announceSlaBreaches(deps(), new Date(Date.now() + 51 * HOUR))).toBe(1);
    const after = (await breachEvents()).slice(before);
    expect(after).toEqual([{ ticketId: late, sla: 'first_response', dueAt: movedTo.toISOString() }]);
  });

  it('write no outbox rows for a tenant without a subscribed endpoint, and keep tenants apart', async () => {
    const other = await desk(t);
    await ok(other.admin.put('/v1/sla-policies/normal', { firstResponseMinutes: 60, resolutionMinutes: 480 }));
    const theirs = (await ok(other.supervisor.post('/v1/tickets', { subject: 'y', priority: 'normal' }), 201)).id;
    published.length = 0;
    expect(await announceSlaBreaches(deps(), new Date(Date.now() + 100 * HOUR))).toBeGreaterThanOrEqual(2);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from webhook_events where tenant_id = ${other.tenantId}`.execute(t.database.db);
    expect(rows[0]!.n).toBe(0);
    const mine = published.filter((p) => p.change.ticketId === theirs);
    expect(mine.map((p) => p.tenantId)).toEqual([other.tenantId, other.tenantId]);
  });
});
