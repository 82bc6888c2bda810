// The purge service between batches: a run paused (or killed) after a batch and resumed
// later applies the holds placed and the retention periods lengthened in the meantime,
// because each batch reads both in its own transaction, under the tenant's retention lock.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, cliDeps } from '../../src/cli/system-actor.js';
import { PURGE_JOB_ACTOR_ID } from '../../src/retention/purge-job.js';
import { purgeTenant } from '../../src/retention/purge.service.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { desk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
}, 60_000);
afterAll(async () => t?.close());

const LONG_AGO = new Date(Date.now() - 4 * 365 * 24 * 3600 * 1000);
const deps = () => ({ ...cliDeps(t.database.db), actorFor: cliActor });

async function closedOldTickets(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await ok(d.supervisor.post('/v1/tickets', { subject: `Old ${i}` }), 201)).id);
  await sql`update tickets set status = 'closed', updated_at = ${LONG_AGO} where id = any(${ids}::uuid[])`.execute(
    t.database.db,
  );
  return ids.sort();
}
const remaining = async (ids: string[]) =>
  (
    await sql<{ id: string }>`select id from tickets where id = any(${ids}::uuid[]) order by id`.execute(t.database.db)
  ).rows.map((r) => r.id);

/** The tenant keeps closed tickets `days` days and everything else for ever. */
const keepClosedTicketsFor = async (days: number) =>
  ok(
    d.admin.put('/v1/retention-policy', {
      closedTicketDays: days,
      commentDays: null,
      attachmentDays: null,
      contactDays: null,
    }),
  );

describe('purge runs across holds and policy changes', () => {
  it('a hold placed between two batches protects its ticket from the rest of the run', async () => {
    const ids = await closedOldTickets(4);
    await keepClosedTicketsFor(365);
    const first = await purgeTenant(deps(), d.tenantId, { batchSize: 1, maxBatches: 1 });
    expect(first).toMatchObject({ status: 'paused', batches: 1, removed: { tickets: 1 } });
    const left = await remaining(ids);
    expect(left).toHaveLength(3);
    // ids are chosen in id order: the first went; hold the last one
    expect(left).toEqual(ids.slice(1));
    await ok(d.admin.post('/v1/legal-holds', { kind: 'ticket', ticketId: ids[3], reason: 'New claim' }), 201);
    const rest = await purgeTenant(deps(), d.tenantId, { batchSize: 1 });
    expect(rest).toMatchObject({ runId: first.runId, status: 'completed', resumed: true, removed: { tickets: 3 } });
    expect(await remaining(ids)).toEqual([ids[3]]);
  });

  it('a retention period lengthened between batches stops the rest of the run', async () => {
    const ids = await closedOldTickets(3);
    await keepClosedTicketsFor(365);
    await purgeTenant(deps(), d.tenantId, { batchSize: 1, maxBatches: 1 });
    expect(await remaining(ids)).toHaveLength(2);
    await keepClosedTicketsFor(3650);
    const rest = await purgeTenant(deps(), d.tenantId, { batchSize: 1 });
    expect(rest.status).toBe('completed');
    expect(await remaining(ids)).toHaveLength(2);
  });

  it('a tenant without retention periods is left alone', async () => {
    const fresh = await desk(t);
    const result = await purgeTenant(deps(), fresh.tenantId);
    expect(result).toMatchObject({ status: 'no_policy', batches: 0 });
    expect(
      await t.database.db.selectFrom('retention_runs').select('id').where('tenant_id', '=', fresh.tenantId).execute(),
    ).toEqual([]);
  });

  it('with RETENTION_PURGE_INTERVAL_MS set, a server purges on its own, as the purge job in the trail', async () => {
    const ids = await closedOldTickets(2);
    await keepClosedTicketsFor(365);
    const server = await startTestApp({ database: t.database, env: { RETENTION_PURGE_INTERVAL_MS: '200' } });
    try {
      for (const started = Date.now(); (await remaining(ids)).length > 0; await new Promise((r) => setTimeout(r, 100)))
        if (Date.now() - started > 20_000) throw new Error('the periodic purge did not run');
    } finally {
      await server.close();
    }
    const purged = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['action'] === 'retention.purge' && e['actor'].id === PURGE_JOB_ACTOR_ID,
    );
    // (the earlier tests' tickets past 365 days go too: the periods are 365 days again)
    const named = new Set(purged.flatMap(touches).map((x) => x.id));
    for (const id of ids) expect(named.has(id), id).toBe(true);
  });
});
