// Acceptance 3 of issue 17: a purge run removes only records past retention and not under
// a legal hold, survives a SIGKILL midway (the re-run finishes, nothing held is lost), and
// leaves the audit chain verifiable. Records are made through the real API (sealed under
// the tenant's real key), aged in SQL, and purged by the real `phidesk` binary as a child
// process against this file's database.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditKeys } from '../../src/audit/checkpoint/audit-keys.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { drainInbox, verifyStored } from '../audit/trail-fixture.js';
import { childEnv, phidesk, root } from '../cli/run.js';
import { uploadRaw, textFile } from '../attachments/helpers.js';
import { mintKey } from '../helpers/actors.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let dataDir: string;
let env: Record<string, string>;
const subjectCanary = canary('PURGESUBJ');

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-purge-'));
  env = { DATABASE_URL: t.database.url, DATA_DIR: dataDir, NODE_ENV: 'test' };
}, 60_000);
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const FIVE_YEARS_AGO = new Date(Date.now() - 5 * 365 * 24 * 3600 * 1000);
const db = () => t.database.db;

async function contact(x: Desk, name: string): Promise<string> {
  return (await ok(x.supervisor.post('/v1/contacts', { name }), 201)).id;
}
async function ticket(x: Desk, requesterId?: string): Promise<string> {
  return (
    await ok(x.supervisor.post('/v1/tickets', { subject: subjectCanary, ...(requesterId ? { requesterId } : {}) }), 201)
  ).id;
}
async function comment(x: Desk, ticketId: string): Promise<string> {
  return (await ok(x.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: 'Called back', public: false }), 201))
    .id;
}
async function attachment(x: Desk, ticketId: string): Promise<string> {
  const key = await mintKey(t.app, x.adminKey, ['supervisor']);
  const res = await uploadRaw(
    t,
    { 'x-api-key': key.secret },
    `/v1/tickets/${ticketId}/attachments`,
    textFile('LAB', 70 * 1024),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** Closes a ticket and dates everything about it `at` (as if it had closed then). */
async function age(ticketId: string, opts: { closed?: boolean; at?: Date; createdAt?: Date } = {}): Promise<void> {
  const at = opts.at ?? FIVE_YEARS_AGO;
  await sql`update tickets set status = ${opts.closed === false ? 'open' : 'closed'}, updated_at = ${at},
    created_at = ${opts.createdAt ?? at} where id = ${ticketId}`.execute(db());
  await sql`update ticket_comments set updated_at = ${at}, created_at = ${at} where ticket_id = ${ticketId}`.execute(
    db(),
  );
  await sql`update attachments set created_at = ${at} where ticket_id = ${ticketId}`.execute(db());
}
const ageContact = (id: string, at = FIVE_YEARS_AGO) =>
  sql`update contacts set updated_at = ${at} where id = ${id}`.execute(db());

async function existing(table: 'tickets' | 'ticket_comments' | 'attachments' | 'contacts', ids: string[]) {
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where id = any(${ids}::uuid[])`.execute(
    db(),
  );
  return rows.map((r) => r.id).sort();
}

describe('phidesk retention purge', () => {
  it('removes exactly what is past retention and unheld, resumes after SIGKILL, and the chain verifies', async () => {
    // --- what must go
    const goneContacts = [await contact(d, 'Old Patient'), await contact(d, 'Patient Of Purged Tickets')];
    const goneTickets: string[] = [];
    const goneComments: string[] = [];
    const goneAttachments: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await ticket(d, i < 3 ? goneContacts[1] : undefined);
      goneTickets.push(id);
      goneComments.push(await comment(d, id));
      if (i % 2 === 0) goneAttachments.push(await attachment(d, id));
      await age(id);
    }
    // a hold that was released no longer protects
    const releasedTicket = await ticket(d);
    goneComments.push(await comment(d, releasedTicket));
    await age(releasedTicket);
    goneTickets.push(releasedTicket);
    const released = await ok(
      d.admin.post('/v1/legal-holds', { kind: 'ticket', ticketId: releasedTicket, reason: 'Settled' }),
      201,
    );
    await ok(d.admin.post(`/v1/legal-holds/${released.id}/release`));

    // --- what must stay: held (by ticket, by patient, by query), in retention, or still open
    const heldTicket = await ticket(d);
    const heldTicketComment = await comment(d, heldTicket);
    const heldTicketAttachment = await attachment(d, heldTicket);
    await age(heldTicket);
    const heldPatient = await contact(d, 'Held Patient');
    const heldPatientTicket = await ticket(d, heldPatient);
    const heldPatientComment = await comment(d, heldPatientTicket);
    await age(heldPatientTicket);
    await ageContact(heldPatient);
    const heldLonePatient = await contact(d, 'Held Lone Patient');
    await ageContact(heldLonePatient);
    const queryHeldTicket = await ticket(d);
    const queryHeldComment = await comment(d, queryHeldTicket);
    await age(queryHeldTicket, { createdAt: new Date('2019-06-01T00:00:00Z') });
    const recentClosed = await ticket(d);
    await age(recentClosed, { at: new Date(Date.now() - 30 * 24 * 3600 * 1000) });
    const openPatient = await contact(d, 'Patient With Open Ticket');
    await ageContact(openPatient);
    const openTicket = await ticket(d, openPatient);
    const openOldComment = await comment(d, openTicket);
    const openOldAttachment = await attachment(d, openTicket);
    await age(openTicket, { closed: false });
    const openNewComment = await comment(d, openTicket);
    const openNewAttachment = await attachment(d, openTicket);
    await ageContact(openPatient);
    goneComments.push(openOldComment);
    goneAttachments.push(openOldAttachment);
    const recentContact = await contact(d, 'Recent Patient');
    const officer = (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret;
    const officerClient = { 'x-api-key': officer };
    for (const body of [
      { kind: 'ticket', ticketId: heldTicket, reason: 'Litigation hold 1' },
      { kind: 'contact', contactId: heldPatient, reason: 'Subpoena 2' },
      { kind: 'contact', contactId: heldLonePatient, reason: 'Subpoena 3' },
      {
        kind: 'query',
        query: { createdFrom: '2019-01-01T00:00:00Z', createdTo: '2020-01-01T00:00:00Z' },
        reason: 'Audit 2019',
      },
    ])
      expect(
        (await t.app.inject({ method: 'POST', url: '/v1/legal-holds', headers: officerClient, payload: body }))
          .statusCode,
      ).toBe(201);
    for (const id of goneContacts) await ageContact(id);

    // another tenant's expired records are not this run's business
    const otherTicket = await ticket(other);
    await age(otherTicket);
    await ok(
      other.admin.put('/v1/retention-policy', {
        closedTicketDays: 30,
        commentDays: null,
        attachmentDays: null,
        contactDays: null,
      }),
    );

    await ok(
      d.admin.put('/v1/retention-policy', {
        closedTicketDays: 365,
        commentDays: 1000,
        attachmentDays: 1000,
        contactDays: 365,
      }),
    );
    const keptTickets = [heldTicket, heldPatientTicket, queryHeldTicket, recentClosed, openTicket].sort();
    const keptComments = [heldTicketComment, heldPatientComment, queryHeldComment, openNewComment].sort();
    const keptAttachments = [heldTicketAttachment, openNewAttachment].sort();
    const keptContacts = [heldPatient, heldLonePatient, openPatient, recentContact].sort();

    // --- first run: batches of 2, paused after each; killed once the first batch committed
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'bin/phidesk.js'),
        'retention',
        'purge',
        '--tenant',
        d.slug,
        '--batch-size',
        '2',
        '--batch-pause-ms',
        '3000',
      ],
      { cwd: root, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (const started = Date.now(); !/batch 1 committed/.test(output); await new Promise((r) => setTimeout(r, 50))) {
      if (child.exitCode !== null) throw new Error(`purge exited early: ${output}`);
      if (Date.now() - started > 60_000) throw new Error(`no batch committed: ${output}`);
    }
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    const afterKill = await db().selectFrom('retention_runs').selectAll().where('tenant_id', '=', d.tenantId).execute();
    expect(afterKill).toHaveLength(1);
    expect(afterKill[0]).toMatchObject({ status: 'running', batches: 1 });
    // part done: something went, not everything
    const leftAfterKill = await existing('attachments', goneAttachments);
    expect(leftAfterKill.length).toBeGreaterThan(0);
    expect(leftAfterKill.length).toBeLessThan(goneAttachments.length);

    // --- the re-run finishes the same run
    const rerun = await phidesk(['retention', 'purge', '--tenant', d.slug, '--batch-size', '2', '--json'], { env });
    expect(rerun.code, rerun.stderr).toBe(0);
    const [result] = JSON.parse(rerun.stdout);
    expect(result).toMatchObject({ runId: afterKill[0]!.id, status: 'completed', resumed: true });
    expect(result.removed).toMatchObject({
      tickets: goneTickets.length,
      comments: goneComments.length,
      attachments: goneAttachments.length,
      contacts: goneContacts.length,
    });

    // exactly the expected set is gone; everything held or in retention is still there
    expect(await existing('tickets', goneTickets)).toEqual([]);
    expect(await existing('ticket_comments', goneComments)).toEqual([]);
    expect(await existing('attachments', goneAttachments)).toEqual([]);
    expect(await existing('contacts', goneContacts)).toEqual([]);
    const { rows: chunks } = await sql<{ n: string }>`select count(*) as n from attachment_chunks
      where attachment_id = any(${goneAttachments}::uuid[])`.execute(db());
    expect(Number(chunks[0]!.n)).toBe(0);
    const { rows: timeline } = await sql<{ n: string }>`select count(*) as n from ticket_events
      where ticket_id = any(${goneTickets}::uuid[])`.execute(db());
    expect(Number(timeline[0]!.n)).toBe(0);
    expect(await existing('tickets', keptTickets)).toEqual(keptTickets);
    expect(await existing('ticket_comments', keptComments)).toEqual(keptComments);
    expect(await existing('attachments', keptAttachments)).toEqual(keptAttachments);
    expect(await existing('contacts', keptContacts)).toEqual(keptContacts);
    expect(await existing('tickets', [otherTicket])).toEqual([otherTicket]);
    // a kept attachment still opens (its chunks are intact)
    const download = await d.supervisor.get(`/v1/attachments/${heldTicketAttachment}/content`);
    expect(download.statusCode).toBe(200);

    // audited: one event per batch naming every record removed; no PHI; nothing kept named
    await drainInbox(db());
    const events = await auditEvents(db(), d.tenantId);
    const purgeEvents = events.filter((e) => e['action'] === 'retention.purge');
    const run = await db()
      .selectFrom('retention_runs')
      .selectAll()
      .where('id', '=', result.runId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('completed');
    expect(purgeEvents).toHaveLength(run.batches);
    const named = new Set(purgeEvents.flatMap(touches).map((x) => x.id));
    for (const id of [...goneTickets, ...goneComments, ...goneAttachments, ...goneContacts])
      expect(named.has(id), id).toBe(true);
    for (const id of [...keptTickets, ...keptComments, ...keptAttachments, ...keptContacts])
      expect(named.has(id), id).toBe(false);
    expect(JSON.stringify(purgeEvents)).not.toContain(subjectCanary);
    expect(purgeEvents.every((e) => e['actor'].kind === 'system')).toBe(true);

    // the audit chain (never purged) verifies
    const keys = await loadAuditKeys(t.config);
    const report = await verifyStored(db(), d.tenantId, keys.publicKeys);
    expect(report.ok, JSON.stringify(report.tenants[0]?.findings)).toBe(true);

    // a further run finds nothing more to do
    const again = await phidesk(['retention', 'purge', '--tenant', d.slug, '--json'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: 'completed', resumed: false, batches: 0 });
  }, 180_000);

  it('refuses a bad batch size as a usage error', async () => {
    const run = await phidesk(['retention', 'purge', '--batch-size', '0'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--batch-size must be 1\.\.5000/);
  });
});
