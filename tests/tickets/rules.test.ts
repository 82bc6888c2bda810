// The ticket's rules, end to end over the API on real PostgreSQL (and the pure SLA
// calendar on its own): status transitions, SLA due times and filters, the first-response
// clock, comment history and redaction, typed and sealed custom fields, tags, filters,
// cursor pagination, soft delete and the timeline. PHI is canaries, which must never
// reach the logs or the stored rows in plaintext.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring, TenantCrypto } from '../../src/crypto/index.js';
import { PgTenantKeyStore } from '../../src/crypto/pg-tenant-key-store.js';
import type { BusinessHours } from '../../src/db/database.js';
import { openBody, openRevisionBody } from '../../src/tickets/comments.repository.js';
import { addWorkingMinutes, computeDue } from '../../src/tickets/sla.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { canary, desk, expectNoCanary, gqlCode, gqlOk, ok, type Desk } from './helpers.js';

const run = promisify(execFile);
let t: TestApp;
const canaries: string[] = [];
const c = (label: string) => {
  const v = canary(label);
  canaries.push(v);
  return v;
};

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  if (t) expectNoCanary(t.logs.text, canaries, 'logs');
  await t?.close();
});

const mergePatch = { 'content-type': 'application/merge-patch+json' };
const ids = (page: { items: Array<{ id: string }> }) => page.items.map((i) => i.id);

async function newTicket(cl: Client, body: Record<string, unknown> = {}): Promise<any> {
  return ok(cl.post('/v1/tickets', { subject: c('SUBJ'), ...body }), 201);
}

/** `COPY <table> TO STDOUT` of a tenant's rows, through psql as an operator would. */
async function copyOf(table: string, tenantId: string): Promise<string> {
  const copy = `COPY (SELECT * FROM ${table} WHERE tenant_id = '${tenantId}') TO STDOUT`;
  const { stdout } = await run('psql', [t.database.url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', copy], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('status transitions', () => {
  let d: Desk;
  beforeAll(async () => {
    d = await desk(t);
  });

  it('follow the allowed moves; solving stamps solvedAt and reopening clears it', async () => {
    const tk = await newTicket(d.supervisor);
    expect(tk.status).toBe('new');
    for (const status of ['open', 'pending', 'on_hold', 'open', 'solved']) {
      const r = await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status }, mergePatch));
      expect(r.status).toBe(status);
      if (status !== 'solved') expect(r.solvedAt).toBeNull();
    }
    const solved = await ok(d.supervisor.get(`/v1/tickets/${tk.id}`));
    expect(solved.solvedAt).not.toBeNull();
    const reopened = await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'open' }));
    expect(reopened.solvedAt).toBeNull();
    await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'solved' }));
    const closed = await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'closed' }));
    expect(closed.status).toBe('closed');
    expect(closed.solvedAt).not.toBeNull();
  });

  it('closed is final: no move out of it, no other change, no more comments (422 UNPROCESSABLE)', async () => {
    const tk = await newTicket(d.supervisor);
    await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'solved' }));
    const closed = await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'closed' }));
    for (const patch of [
      { status: 'open' },
      { status: 'solved' },
      { status: 'new' },
      { tags: ['later'] },
      { priority: 'urgent' },
      { status: 'closed' },
    ]) {
      const r = await d.supervisor.patch(`/v1/tickets/${tk.id}`, patch);
      expect(r.statusCode, JSON.stringify(patch)).toBe(422);
      expect(r.json().code).toBe('UNPROCESSABLE');
    }
    const comment = await d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: 'one more thing', public: true });
    expect(comment.statusCode).toBe(422);
    expect(
      await gqlCode(d.supervisor, 'mutation($id: ID!) { updateTicket(id: $id, input: { status: open }) { id } }', {
        id: tk.id,
      }),
    ).toBe('UNPROCESSABLE');
    expect(await ok(d.supervisor.get(`/v1/tickets/${tk.id}`))).toMatchObject({
      status: 'closed',
      version: closed.version,
    });
  });

  it('refuses moves that skip a step and unknown statuses', async () => {
    const tk = await newTicket(d.supervisor);
    const skip = await d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'closed' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json()).toMatchObject({ code: 'UNPROCESSABLE', errors: [{ pointer: '/status' }] });
    expect((await d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'new' })).statusCode).toBe(200); // staying is no move
    await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'open' }));
    const back = await d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'new' });
    expect(back.statusCode).toBe(422);
    expect((await d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'archived' })).statusCode).toBe(400);
    expect(
      await gqlCode(d.supervisor, 'mutation($id: ID!) { updateTicket(id: $id, input: { status: archived }) { id } }', {
        id: tk.id,
      }),
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await d.supervisor.post('/v1/tickets', { subject: 'Born closed', status: 'closed' })).statusCode).toBe(422);
    expect(
      await gqlCode(d.supervisor, 'mutation { createTicket(input: { subject: "x", status: closed }) { id } }'),
    ).toBe('UNPROCESSABLE');
  });
});

describe('SLA calendar (src/tickets/sla.ts)', () => {
  const weekdays = (timezone: string, start = '09:00', end = '17:00'): BusinessHours => ({
    timezone,
    days: [1, 2, 3, 4, 5],
    start,
    end,
  });
  const at = (iso: string) => new Date(iso);

  it('counts around the clock without business hours', () => {
    expect(addWorkingMinutes(at('2026-03-06T22:00:00Z'), 90, null).toISOString()).toBe('2026-03-06T23:30:00.000Z');
    expect(
      computeDue(at('2026-03-06T22:00:00Z'), {
        firstResponseMinutes: 60,
        resolutionMinutes: 2880,
        businessHours: null,
      }),
    ).toEqual({
      firstResponseDueAt: at('2026-03-06T23:00:00Z'),
      resolutionDueAt: at('2026-03-08T22:00:00Z'),
    });
  });

  it('counts only inside the windows of working days, in the policy time zone', () => {
    const ny = weekdays('America/New_York');
    // Tuesday 10:00 EST + 2h -> 12:00 EST
    expect(addWorkingMinutes(at('2026-01-06T15:00:00Z'), 120, ny).toISOString()).toBe('2026-01-06T17:00:00.000Z');
    // before opening: Tuesday 06:00 EST + 1h -> 10:00 EST
    expect(addWorkingMinutes(at('2026-01-06T11:00:00Z'), 60, ny).toISOString()).toBe('2026-01-06T15:00:00.000Z');
    // Friday 16:00 EST + 2h -> 1h on Friday, 1h on Monday -> Monday 10:00 EST
    expect(addWorkingMinutes(at('2026-01-09T21:00:00Z'), 120, ny).toISOString()).toBe('2026-01-12T15:00:00.000Z');
    // Saturday: nothing until Monday 09:00; exactly a full day ends at Monday 17:00
    expect(addWorkingMinutes(at('2026-01-10T15:00:00Z'), 480, ny).toISOString()).toBe('2026-01-12T22:00:00.000Z');
    // zero minutes is now
    expect(addWorkingMinutes(at('2026-01-10T15:00:00Z'), 0, ny).toISOString()).toBe('2026-01-10T15:00:00.000Z');
    // a half-hour offset zone: Kolkata 09:00-17:00 is 03:30-11:30 UTC
    expect(addWorkingMinutes(at('2026-01-06T00:00:00Z'), 30, weekdays('Asia/Kolkata')).toISOString()).toBe(
      '2026-01-06T04:00:00.000Z',
    );
  });

  it('keeps the wall-clock window across a daylight-saving change', () => {
    const ny = weekdays('America/New_York');
    // Friday 2026-03-06 16:00 EST (-05) + 2h: 1h on Friday, 1h on Monday 2026-03-09, now EDT (-04): 10:00 EDT = 14:00Z
    expect(addWorkingMinutes(at('2026-03-06T21:00:00Z'), 120, ny).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    // Berlin, autumn: Friday 2026-10-23 16:00 CEST + 2h -> Monday 2026-10-26 10:00 CET = 09:00Z
    expect(addWorkingMinutes(at('2026-10-23T14:00:00Z'), 120, weekdays('Europe/Berlin')).toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('handles a zone whose clocks skip midnight (Santiago starts DST at 00:00)', () => {
    // Chile springs forward on Sunday 2026-09-06 from 00:00 to 01:00 (-04 -> -03).
    // Friday 09:00 (-04) + 16 working hours: Friday, then Monday 09:00-17:00 (-03) = 20:00Z
    expect(addWorkingMinutes(at('2026-09-04T13:00:00Z'), 16 * 60, weekdays('America/Santiago')).toISOString()).toBe(
      '2026-09-07T20:00:00.000Z',
    );
    // every day from midnight: Sunday's working day starts at 01:00, when the gap ends
    const allDay: BusinessHours = {
      timezone: 'America/Santiago',
      days: [1, 2, 3, 4, 5, 6, 7],
      start: '00:00',
      end: '23:59',
    };
    // Saturday 08:00 (-04) + 24h: 15h59 on Saturday, 8h01 from Sunday 01:00 -> 09:01 (-03) = 12:01Z
    expect(addWorkingMinutes(at('2026-09-05T12:00:00Z'), 24 * 60, allDay).toISOString()).toBe(
      '2026-09-06T12:01:00.000Z',
    );
  });

  it('reaches far targets exactly (more than a year of business days)', () => {
    // 200000 minutes of 8-hour weekdays from Monday 2026-01-05 09:00 EST: 416 full days and
    // 320 minutes: 83 weeks + 1 day later is Tuesday 2027-08-10, 14:20 EDT = 18:20Z
    expect(addWorkingMinutes(at('2026-01-05T14:00:00Z'), 200_000, weekdays('America/New_York')).toISOString()).toBe(
      '2027-08-10T18:20:00.000Z',
    );
  });

  it('matches a minute-by-minute count across a clock change', () => {
    const hours: BusinessHours = { timezone: 'Europe/London', days: [1, 3, 6], start: '00:30', end: '02:30' };
    const start = at('2026-03-20T00:00:00Z');
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: hours.timezone,
      hourCycle: 'h23',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
    });
    const inWindow = (ms: number) => {
      const p = wall.formatToParts(new Date(ms));
      const g = (k: string) => p.find((x) => x.type === k)!.value;
      const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(g('weekday')) + 1;
      const minute = Number(g('hour')) * 60 + Number(g('minute'));
      return hours.days.includes(day) && minute >= 30 && minute < 150;
    };
    for (const minutes of [1, 119, 120, 121, 600, 1000]) {
      let left = minutes;
      let ms = start.getTime();
      for (; left > 0; ms += 60_000) if (inWindow(ms)) left--;
      expect(addWorkingMinutes(start, minutes, hours).toISOString(), `${minutes} minutes`).toBe(
        new Date(ms).toISOString(),
      );
    }
  });

  it('refuses a calendar without working time instead of returning a wrong date', () => {
    expect(() =>
      addWorkingMinutes(new Date(), 60, { timezone: 'UTC', days: [], start: '09:00', end: '17:00' }),
    ).toThrow(RangeError);
  });
});

describe('SLA policies and clocks', () => {
  let d: Desk;
  beforeAll(async () => {
    d = await desk(t);
  });

  it('a policy sets due times on create; a priority change recomputes them from creation', async () => {
    await ok(d.admin.put('/v1/sla-policies/high', { firstResponseMinutes: 60, resolutionMinutes: 480 }));
    const hours: BusinessHours = { timezone: 'America/New_York', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    const urgent = await ok(
      d.admin.put('/v1/sla-policies/urgent', {
        firstResponseMinutes: 30,
        resolutionMinutes: 600,
        businessHours: hours,
      }),
    );
    expect(urgent).toMatchObject({
      priority: 'urgent',
      firstResponseMinutes: 30,
      resolutionMinutes: 600,
      businessHours: hours,
    });
    const listed = await ok(d.admin.get('/v1/sla-policies'));
    expect(listed.items.map((p: { priority: string }) => p.priority).sort()).toEqual(['high', 'urgent']);

    const high = await newTicket(d.supervisor, { priority: 'high' });
    // the clocks start when the ticket is created (the app's clock; created_at is the database's)
    const created = Date.parse(high.createdAt);
    expect(Math.abs(Date.parse(high.sla.firstResponseDueAt) - created - 60 * 60_000)).toBeLessThan(1000);
    expect(Date.parse(high.sla.resolutionDueAt) - Date.parse(high.sla.firstResponseDueAt)).toBe(420 * 60_000);
    expect(high.sla).toMatchObject({ firstRespondedAt: null, firstResponseBreached: false, resolutionBreached: false });

    const none = await newTicket(d.supervisor, { priority: 'low' });
    expect(none.sla).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null });

    const moved = await ok(d.supervisor.patch(`/v1/tickets/${high.id}`, { priority: 'urgent' }));
    const due = computeDue(new Date(high.createdAt), {
      firstResponseMinutes: 30,
      resolutionMinutes: 600,
      businessHours: hours,
    });
    expect(moved.sla.firstResponseDueAt).toBe(due.firstResponseDueAt.toISOString());
    expect(moved.sla.resolutionDueAt).toBe(due.resolutionDueAt.toISOString());
    const dropped = await ok(d.supervisor.patch(`/v1/tickets/${high.id}`, { priority: 'low' }));
    expect(dropped.sla).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null });
  });

  it('refuses invalid policies', async () => {
    const bad = async (priority: string, body: Record<string, unknown>) => {
      const r = await d.admin.put(`/v1/sla-policies/${priority}`, body);
      expect(r.statusCode, `${priority} ${JSON.stringify(body)}: ${r.body}`).toBe(400);
    };
    await bad('high', { firstResponseMinutes: 600, resolutionMinutes: 60 });
    await bad('high', { firstResponseMinutes: 0, resolutionMinutes: 60 });
    await bad('someday', { firstResponseMinutes: 1, resolutionMinutes: 60 });
    await bad('high', {
      firstResponseMinutes: 1,
      resolutionMinutes: 60,
      businessHours: { timezone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' },
    });
    await bad('high', {
      firstResponseMinutes: 1,
      resolutionMinutes: 60,
      businessHours: { timezone: 'UTC', days: [1], start: '17:00', end: '09:00' },
    });
    await bad('high', {
      firstResponseMinutes: 1,
      resolutionMinutes: 60,
      businessHours: { timezone: 'UTC', days: [8], start: '09:00', end: '17:00' },
    });
    // a year of minutes does not fit in ten years of one minute a week
    await bad('high', {
      firstResponseMinutes: 1,
      resolutionMinutes: 525_600,
      businessHours: { timezone: 'UTC', days: [1], start: '09:00', end: '09:01' },
    });
    // a staff member without tenant rights cannot set policies
    expect(
      (await d.supervisor.put('/v1/sla-policies/high', { firstResponseMinutes: 1, resolutionMinutes: 60 })).statusCode,
    ).toBe(403);
  });

  it('the first public reply by staff stops the first-response clock; notes and requesters do not', async () => {
    const tk = await newTicket(d.supervisor, { priority: 'high' });
    await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: c('NOTE') }), 201);
    const afterNote = await ok(d.supervisor.get(`/v1/tickets/${tk.id}`));
    expect(afterNote.sla.firstRespondedAt).toBeNull();
    // every new comment moves the ticket (updatedSince must find it), so its ETag too
    expect(afterNote.version).toBe(2);
    expect(Date.parse(afterNote.updatedAt)).toBeGreaterThan(Date.parse(tk.updatedAt));
    const reply = await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: c('REPLY'), public: true }), 201);
    const afterReply = await ok(d.supervisor.get(`/v1/tickets/${tk.id}`));
    expect(Math.abs(Date.parse(afterReply.sla.firstRespondedAt) - Date.parse(reply.createdAt))).toBeLessThan(1000);
    expect(afterReply.version).toBe(3);
    await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: c('AGAIN'), public: true }), 201);
    const later = await ok(d.supervisor.get(`/v1/tickets/${tk.id}`));
    expect(later.sla.firstRespondedAt).toBe(afterReply.sla.firstRespondedAt);
    expect(later.version).toBe(4);
    // an integrator syncing by updatedSince sees the ticket whose only change is a comment
    const since = new Date(Date.parse(later.updatedAt) - 1).toISOString();
    const page = await ok(d.supervisor.get(`/v1/tickets?updatedSince=${encodeURIComponent(since)}`));
    expect(page.items.map((x: { id: string }) => x.id)).toContain(tk.id);
  });

  it('sla=breached and sla=at_risk filter on the clocks (REST and GraphQL)', async () => {
    const other = await desk(t); // a tenant of its own, so only these tickets count
    await ok(other.admin.put('/v1/sla-policies/normal', { firstResponseMinutes: 600, resolutionMinutes: 6000 }));
    const make = async () => (await newTicket(other.supervisor)).id as string;
    const [firstLate, resolutionLate, respondedLate, soon, resolutionSoon, fine, solvedInTime] = [
      await make(),
      await make(),
      await make(),
      await make(),
      await make(),
      await make(),
      await make(),
    ];
    const set = async (id: string, values: string) =>
      sql.raw(`update tickets set ${values} where id = '${id}'`).execute(t.database.db);
    await set(firstLate, `first_response_due_at = now() - interval '1 hour'`);
    await set(
      resolutionLate,
      `first_responded_at = now() - interval '3 hours', resolution_due_at = now() - interval '1 minute'`,
    );
    await set(
      respondedLate,
      `first_response_due_at = now() - interval '2 hours', first_responded_at = now() - interval '1 hour'`,
    );
    await set(soon, `first_response_due_at = now() + interval '30 minutes'`);
    await set(resolutionSoon, `first_responded_at = now(), resolution_due_at = now() + interval '50 minutes'`);
    await set(
      solvedInTime,
      `status = 'solved', first_responded_at = now() - interval '1 hour', solved_at = now() - interval '1 minute', resolution_due_at = now() + interval '5 minutes'`,
    );

    const restIds = async (q: string) => ids(await ok(other.supervisor.get(`/v1/tickets?${q}`))).sort();
    const gqlIds = async (filter: Record<string, unknown>) =>
      (
        await gqlOk(other.supervisor, 'query($f: TicketFilter) { tickets(filter: $f) { items { id } } }', { f: filter })
      ).tickets.items
        .map((x: { id: string }) => x.id)
        .sort();
    const breached = [firstLate, resolutionLate, respondedLate].sort();
    expect(await restIds('sla=breached')).toEqual(breached);
    expect(await gqlIds({ sla: 'breached' })).toEqual(breached);
    expect(await restIds('sla=at_risk')).toEqual([soon, resolutionSoon].sort());
    expect(await gqlIds({ sla: 'at_risk' })).toEqual([soon, resolutionSoon].sort());
    expect(await restIds('sla=at_risk&withinMinutes=40')).toEqual([soon]);
    expect(await gqlIds({ sla: 'at_risk', withinMinutes: 40 })).toEqual([soon]);
    expect(await restIds('sla=at_risk&withinMinutes=10')).toEqual([]);
    expect((await other.supervisor.get('/v1/tickets?sla=late')).statusCode).toBe(400);

    // the flags on each ticket agree with the filter
    const byId = new Map((await ok(other.supervisor.get('/v1/tickets'))).items.map((x: any) => [x.id, x.sla]));
    expect(byId.get(firstLate)).toMatchObject({ firstResponseBreached: true, resolutionBreached: false });
    expect(byId.get(resolutionLate)).toMatchObject({ firstResponseBreached: false, resolutionBreached: true });
    expect(byId.get(respondedLate)).toMatchObject({ firstResponseBreached: true });
    for (const id of [soon, resolutionSoon, fine, solvedInTime])
      expect(byId.get(id), id).toMatchObject({ firstResponseBreached: false, resolutionBreached: false });
  });
});

describe('comments: history and redaction', () => {
  let d: Desk;
  let keyring: Keyring;
  beforeAll(async () => {
    d = await desk(t);
    keyring = new Keyring({
      masterKey: t.masterKey,
      store: new PgTenantKeyStore(t.database.db),
      cacheMaxAgeMs: 60_000,
    });
  });

  /** Every stored body of a comment, opened with the tenant's keys (as an operator could). */
  async function storedBodies(
    tenantId: string,
    commentId: string,
  ): Promise<{ current: string; revisions: Array<{ revision: number; body: string }> }> {
    const crypto = await TenantCrypto.forRead(keyring, tenantId);
    const row = await t.database.db
      .selectFrom('ticket_comments')
      .select(['body'])
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    const revs = await t.database.db
      .selectFrom('ticket_comment_revisions')
      .select(['id', 'revision', 'body'])
      .where('comment_id', '=', commentId)
      .orderBy('revision')
      .execute();
    return {
      current: await openBody(crypto, commentId, row.body),
      revisions: await Promise.all(
        revs.map(async (r) => ({ revision: r.revision, body: await openRevisionBody(crypto, r.id, r.body) })),
      ),
    };
  }

  it('an edit keeps the earlier body as a revision', async () => {
    const tk = await newTicket(d.supervisor);
    const v1 = `Patient reports ${c('SYMPTOM')}`;
    const v2 = `Patient reports ${c('SYMPTOM')}, updated`;
    const v3 = `Final: ${c('SYMPTOM')}`;
    const comment = await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: v1 }), 201);
    expect(comment.revision).toBe(1);
    expect(await ok(d.supervisor.patch(`/v1/comments/${comment.id}`, { body: v2 }))).toMatchObject({
      revision: 2,
      body: v2,
    });
    const gql = await gqlOk(
      d.supervisor,
      'mutation($id: ID!, $body: String!) { editComment(id: $id, body: $body) { revision body } }',
      { id: comment.id, body: v3 },
    );
    expect(gql.editComment).toEqual({ revision: 3, body: v3 });
    expect(await storedBodies(d.tenantId, comment.id)).toEqual({
      current: v3,
      revisions: [
        { revision: 1, body: v1 },
        { revision: 2, body: v2 },
      ],
    });
    const listed = await ok(d.supervisor.get(`/v1/tickets/${tk.id}/comments`));
    expect(listed.items).toEqual([expect.objectContaining({ id: comment.id, body: v3, revision: 3, redacted: false })]);
    // a blank body is refused and keeps the comment as it was (who may edit whose comment:
    // visibility.test.ts, agents)
    const blank = await d.supervisor.patch(`/v1/comments/${comment.id}`, { body: '' });
    expect(blank.statusCode).toBe(400);
    expect((await storedBodies(d.tenantId, comment.id)).current).toBe(v3);
  });

  it('redaction removes the span from the current body and every revision, for good, and is audited without it', async () => {
    const tk = await newTicket(d.supervisor);
    const ssn = c('SSN');
    const keep = c('KEEP');
    const comment = await ok(
      d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: `SSN ${ssn} given by caller ${keep}`, public: true }),
      201,
    );
    await ok(d.supervisor.patch(`/v1/comments/${comment.id}`, { body: `SSN ${ssn} confirmed ${keep}` }));
    await ok(d.supervisor.patch(`/v1/comments/${comment.id}`, { body: `Confirmed ${keep} (SSN ${ssn})` }));
    const redacted = await ok(d.supervisor.post(`/v1/comments/${comment.id}/redact`, { text: ssn }));
    expect(redacted).toMatchObject({ redacted: true, revision: 3, body: `Confirmed ${keep} (SSN [redacted])` });
    const stored = await storedBodies(d.tenantId, comment.id);
    expect(stored.current).toBe(`Confirmed ${keep} (SSN [redacted])`);
    expect(stored.revisions).toEqual([
      { revision: 1, body: `SSN [redacted] given by caller ${keep}` },
      { revision: 2, body: `SSN [redacted] confirmed ${keep}` },
    ]);
    // nothing readable anywhere: GET and GraphQL as a supervisor, the raw tables, the audit trail
    const rest = await ok(d.supervisor.get(`/v1/tickets/${tk.id}/comments`));
    const gql = await gqlOk(
      d.supervisor,
      'query($id: ID!) { ticket(id: $id) { comments { items { body redacted } } lastComment { body } timeline { type changes } } }',
      { id: tk.id },
    );
    expect(gql.ticket.comments.items).toEqual([{ body: `Confirmed ${keep} (SSN [redacted])`, redacted: true }]);
    expect(gql.ticket.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'reply_added',
      'comment_edited',
      'comment_edited',
      'comment_redacted',
    ]);
    const raw = [
      await copyOf('ticket_comments', d.tenantId),
      await copyOf('ticket_comment_revisions', d.tenantId),
      await copyOf('ticket_events', d.tenantId),
    ].join('\n');
    expectNoCanary(JSON.stringify([rest, gql]), [ssn], 'responses after redaction');
    expectNoCanary(raw, [ssn, keep], 'raw comment tables');
    const events = await auditEvents(t.database.db, d.tenantId);
    expectNoCanary(JSON.stringify(events), [ssn, keep], 'audit trail');
    expect(events.find((e) => e['action'] === 'comment.redact')).toMatchObject({
      resource: { type: 'Comment', id: comment.id },
      phiFields: ['comment.body'],
      reasonCode: 'revisions:3',
    });
    // a redacted comment is not edited any more, and redacting again finds nothing
    expect((await d.supervisor.patch(`/v1/comments/${comment.id}`, { body: 'rewrite' })).statusCode).toBe(409);
    expect((await d.supervisor.post(`/v1/comments/${comment.id}/redact`, { text: ssn })).statusCode).toBe(422);
  });

  it('redacts a span that only earlier revisions still hold', async () => {
    const tk = await newTicket(d.supervisor);
    const dob = c('DOB');
    const comment = await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: `born ${dob}` }), 201);
    await ok(d.supervisor.patch(`/v1/comments/${comment.id}`, { body: 'birth date removed' }));
    const r = await ok(d.supervisor.post(`/v1/comments/${comment.id}/redact`, { text: dob }));
    expect(r).toMatchObject({ redacted: true, body: 'birth date removed' });
    expect(await storedBodies(d.tenantId, comment.id)).toEqual({
      current: 'birth date removed',
      revisions: [{ revision: 1, body: 'born [redacted]' }],
    });
    expect((await d.supervisor.post(`/v1/comments/${comment.id}/redact`, { text: 'not there' })).statusCode).toBe(422);
  });

  it('only privileged roles redact', async () => {
    const tk = await newTicket(d.supervisor);
    const comment = await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: `secret ${c('X')}` }), 201);
    const integration = client(t.app, {
      apiKey: (
        await mintKey(
          t.app,
          d.adminKey,
          ['integration'],
          ['tickets:read', 'comments:read', 'comments:write', 'phi:read'],
        )
      ).secret,
    });
    expect((await integration.post(`/v1/comments/${comment.id}/redact`, { text: 'secret' })).statusCode).toBe(403);
    expect((await d.admin.post(`/v1/comments/${comment.id}/redact`, { text: 'secret' })).statusCode).toBe(403);
    const officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
    expect((await ok(officer.post(`/v1/comments/${comment.id}/redact`, { text: 'secret' }))).body).toMatch(
      /^\[redacted\] CANARYX/,
    );
  });
});

describe('custom fields, tags and sealing', () => {
  let d: Desk;
  beforeAll(async () => {
    d = await desk(t);
    for (const def of [
      { key: 'diagnosis', label: 'Diagnosis', type: 'text', phi: true },
      { key: 'visit_date', label: 'Visit date', type: 'date', phi: true },
      { key: 'copay', label: 'Copay', type: 'number', phi: false },
      { key: 'urgent_care', label: 'Urgent care', type: 'boolean', phi: false },
      { key: 'site', label: 'Site', type: 'enum', options: ['north', 'south'], phi: false },
      { key: 'ward', label: 'Ward', type: 'text', phi: false },
    ])
      await ok(d.admin.post('/v1/custom-fields', def), 201);
  });

  it('typed values round-trip; PHI ones are sealed at rest and absent from a COPY of the table', async () => {
    const diagnosis = c('DIAG');
    const ward = c('WARD'); // not PHI: stored in the clear, which proves the COPY would show a leak
    const tk = await ok(
      d.supervisor.post('/v1/tickets', {
        subject: c('SUBJ'),
        description: c('DESC'),
        externalRefs: [{ system: 'fhir', value: `Encounter/${c('ENC')}` }],
        customFields: { diagnosis, visit_date: '2026-11-20', copay: 25.5, urgent_care: true, site: 'north', ward },
      }),
      201,
    );
    expect(tk.customFields).toEqual({
      diagnosis,
      visit_date: '2026-11-20',
      copay: 25.5,
      urgent_care: true,
      site: 'north',
      ward,
    });
    const read = await ok(d.supervisor.get(`/v1/tickets/${tk.id}`));
    expect(read.customFields).toEqual(tk.customFields);
    const gql = await gqlOk(d.supervisor, 'query($id: ID!) { ticket(id: $id) { customFields } }', { id: tk.id });
    expect(gql.ticket.customFields).toEqual(tk.customFields);

    const dump = await copyOf('tickets', d.tenantId);
    expect(dump).toContain(ward);
    expectNoCanary(
      dump,
      canaries.filter((x) => x !== ward),
      'COPY tickets',
    );
    const row = await t.database.db
      .selectFrom('tickets')
      .select(['custom_fields'])
      .where('id', '=', tk.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row.custom_fields).sort()).toEqual(['copay', 'site', 'urgent_care', 'ward']);

    // merge: set one, clear one (null), keep the rest; PHI and plain alike
    const patched = await ok(
      d.supervisor.patch(
        `/v1/tickets/${tk.id}`,
        { customFields: { copay: 10, diagnosis: null, site: null } },
        mergePatch,
      ),
    );
    expect(patched.customFields).toEqual({ visit_date: '2026-11-20', copay: 10, urgent_care: true, ward });
    const gqlPatched = await gqlOk(
      d.supervisor,
      'mutation($id: ID!) { updateTicket(id: $id, input: { customFields: { urgent_care: false } }) { customFields } }',
      { id: tk.id },
    );
    expect(gqlPatched.updateTicket.customFields).toEqual({
      visit_date: '2026-11-20',
      copay: 10,
      urgent_care: false,
      ward,
    });
  });

  it('refuses values of the wrong type, unknown fields and enum values outside the options', async () => {
    for (const customFields of [
      { copay: 'ten' },
      { urgent_care: 'yes' },
      { visit_date: '20/11/2026' },
      { site: 'east' },
      { diagnosis: 42 },
      { nope: 'x' },
    ]) {
      const r = await d.supervisor.post('/v1/tickets', { subject: 'typed', customFields });
      expect(r.statusCode, JSON.stringify(customFields)).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
      expect(
        await gqlCode(
          d.supervisor,
          'mutation($cf: JSON) { createTicket(input: { subject: "typed", customFields: $cf }) { id } }',
          { cf: customFields },
        ),
        JSON.stringify(customFields),
      ).toBe('VALIDATION_FAILED');
    }
    expect(
      (await d.admin.post('/v1/custom-fields', { key: 'site', label: 'again', type: 'text', phi: false })).statusCode,
    ).toBe(409);
    expect(
      (await d.admin.post('/v1/custom-fields', { key: 'kind', label: 'Kind', type: 'enum', phi: false })).statusCode,
    ).toBe(400);
    expect((await ok(d.supervisor.get('/v1/custom-fields'))).items.map((f: { key: string }) => f.key)).toEqual([
      'copay',
      'diagnosis',
      'site',
      'urgent_care',
      'visit_date',
      'ward',
    ]);
  });

  it('tags are normalised (lower case, unique, sorted), validated, and diffed in the timeline', async () => {
    const tk = await ok(
      d.supervisor.post('/v1/tickets', { subject: 'tags', tags: ['Refill', 'pharmacy', 'refill', ' ICU:bed-2 '] }),
      201,
    );
    expect(tk.tags).toEqual(['icu:bed-2', 'pharmacy', 'refill']);
    const r = await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { tags: ['pharmacy', 'callback'] }));
    expect(r.tags).toEqual(['callback', 'pharmacy']);
    for (const tags of [['has space'], ['-leading'], ['x'.repeat(51)], Array.from({ length: 51 }, (_, i) => `t${i}`)]) {
      expect(
        (await d.supervisor.patch(`/v1/tickets/${tk.id}`, { tags })).statusCode,
        JSON.stringify(tags).slice(0, 40),
      ).toBe(400);
    }
    expect(
      await gqlCode(
        d.supervisor,
        'mutation($id: ID!) { updateTicket(id: $id, input: { tags: ["no spaces please"] }) { id } }',
        { id: tk.id },
      ),
    ).toBe('VALIDATION_FAILED');
    const timeline = await ok(d.supervisor.get(`/v1/tickets/${tk.id}/timeline`));
    expect(timeline.items[1]).toMatchObject({
      type: 'updated',
      changes: { tags: { added: ['callback'], removed: ['icu:bed-2', 'refill'] } },
    });
  });
});

describe('input the service checks itself (GraphQL passes plain strings)', () => {
  let d: Desk;
  beforeAll(async () => {
    d = await desk(t);
  });

  it('malformed ids, enum values, filters and references are VALIDATION_FAILED or UNPROCESSABLE, never a database error', async () => {
    const create = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';
    for (const input of [
      { subject: 'x', requesterId: 'abc' },
      { subject: 'x', assigneeId: '1' },
      { subject: 'x', groupId: "'; drop table tickets; --" },
      { subject: ' ' },
      { subject: 'x', description: 'y'.repeat(65_537) },
      { subject: 'x', externalRefs: [{ system: '', value: 'Encounter/1' }] },
      { subject: 'x', tags: ['Not A Tag'] },
    ]) {
      expect(await gqlCode(d.supervisor, create, { input }), JSON.stringify(input).slice(0, 80)).toBe(
        'VALIDATION_FAILED',
      );
    }
    // priority, channel, status and sla are enums: a value outside them fails the variables' coercion
    for (const input of [
      { subject: 'x', priority: 'asap' },
      { subject: 'x', channel: 'pigeon' },
    ]) {
      expect(await gqlCode(d.supervisor, create, { input }), JSON.stringify(input)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await gqlCode(d.supervisor, create, { input: { subject: 'x', requesterId: missing } })).toBe(
      'UNPROCESSABLE',
    );
    expect((await d.supervisor.post('/v1/tickets', { subject: 'x', assigneeId: missing })).json()).toMatchObject({
      status: 422,
      errors: [{ pointer: '/assigneeId' }],
    });
    const list = 'query($f: TicketFilter) { tickets(filter: $f) { items { id } } }';
    for (const f of [{ status: ['lost'] }, { priority: ['asap'] }, { sla: 'late' }]) {
      expect(await gqlCode(d.supervisor, list, { f }), JSON.stringify(f)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    for (const f of [
      { sla: 'at_risk', withinMinutes: 0 },
      { assigneeId: 'abc' },
      { groupId: 'x' },
      { requesterId: '1' },
    ]) {
      expect(await gqlCode(d.supervisor, list, { f }), JSON.stringify(f)).toBe('VALIDATION_FAILED');
    }
    const tk = await newTicket(d.supervisor);
    expect(
      await gqlCode(
        d.supervisor,
        'mutation($id: ID!) { updateTicket(id: $id, input: { assigneeId: "nobody" }) { id } }',
        { id: tk.id },
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await gqlCode(d.supervisor, 'query { ticket(id: "not-a-uuid") { id } }')).toBe('NOT_FOUND');
    expect((await d.supervisor.get('/v1/tickets/not-a-uuid')).statusCode).toBe(400);
    expect(t.logs.text).not.toMatch(/invalid input syntax for type uuid/);
  });
});

describe('filters and pagination', () => {
  let d: Desk;
  const made: Record<string, string> = {};
  let agentId: string;
  let groupId: string;
  let contactA: string;
  let contactB: string;
  let between: string;

  beforeAll(async () => {
    d = await desk(t);
    agentId = (await ok(d.admin.post('/v1/users', { displayName: 'Agent', roles: ['agent'] }), 201)).id;
    groupId = (await ok(d.admin.post('/v1/groups', { name: 'Billing' }), 201)).id;
    contactA = (await ok(d.supervisor.post('/v1/contacts', { name: c('A'), mrn: c('MRN') }), 201)).id;
    contactB = (await ok(d.supervisor.post('/v1/contacts', { name: c('B'), mrn: c('MRN') }), 201)).id;
    made['plain'] = (await newTicket(d.supervisor)).id;
    made['urgentA'] = (
      await newTicket(d.supervisor, { priority: 'urgent', requesterId: contactA, tags: ['billing'] })
    ).id;
    made['assigned'] = (await newTicket(d.supervisor, { assigneeId: agentId, requesterId: contactB })).id;
    made['grouped'] = (await newTicket(d.supervisor, { groupId, priority: 'low', tags: ['billing', 'callback'] })).id;
    made['pending'] = (await newTicket(d.supervisor, { status: 'pending', requesterId: contactA })).id;
    await new Promise((r) => setTimeout(r, 20));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await ok(d.supervisor.patch(`/v1/tickets/${made['plain']}`, { status: 'open' }));
  });

  const rest = async (q: string) => ids(await ok(d.supervisor.get(`/v1/tickets?${q}`))).sort();
  const gql = async (filter: Record<string, unknown>) =>
    (
      await gqlOk(d.supervisor, 'query($f: TicketFilter) { tickets(filter: $f) { items { id } } }', { f: filter })
    ).tickets.items
      .map((x: { id: string }) => x.id)
      .sort();
  const expectBoth = async (q: string, filter: Record<string, unknown>, names: string[]) => {
    const expected = names.map((n) => made[n]!).sort();
    expect(await rest(q), q).toEqual(expected);
    expect(await gql(filter), JSON.stringify(filter)).toEqual(expected);
  };

  it('by status, priority, assignee, group, tag, requester and updatedSince, over REST and GraphQL', async () => {
    await expectBoth('status=new', { status: ['new'] }, ['urgentA', 'assigned', 'grouped']);
    await expectBoth('status=open&status=pending', { status: ['open', 'pending'] }, ['plain', 'pending']);
    await expectBoth('priority=urgent&priority=low', { priority: ['urgent', 'low'] }, ['urgentA', 'grouped']);
    await expectBoth(`assigneeId=${agentId}`, { assigneeId: agentId }, ['assigned']);
    await expectBoth(`groupId=${groupId}`, { groupId }, ['grouped']);
    await expectBoth('tag=billing', { tag: 'billing' }, ['urgentA', 'grouped']);
    await expectBoth('tag=Callback', { tag: 'Callback' }, ['grouped']);
    await expectBoth(`requesterId=${contactA}`, { requesterId: contactA }, ['urgentA', 'pending']);
    await expectBoth(`updatedSince=${encodeURIComponent(between)}`, { updatedSince: between }, ['plain']);
    await expectBoth(`tag=billing&priority=low&groupId=${groupId}`, { tag: 'billing', priority: ['low'], groupId }, [
      'grouped',
    ]);
    await expectBoth('priority=high', { priority: ['high'] }, []);
    expect((await d.supervisor.get('/v1/tickets?status=lost')).statusCode).toBe(400);
    expect((await d.supervisor.get('/v1/tickets?updatedSince=yesterday')).statusCode).toBe(400);
    // status is an enum: an unknown value is refused by the document's validation
    expect(await gqlCode(d.supervisor, '{ tickets(filter: { status: [lost] }) { items { id } } }')).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('cursor pagination is stable: every ticket once, in creation order, even while tickets are added', async () => {
    const other = await desk(t);
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await newTicket(other.supervisor)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await ok(
        other.supervisor.get(`/v1/tickets?limit=5${cursor ? `&cursor=${cursor}` : ''}`),
      );
      seen.push(...ids(page));
      cursor = page.nextCursor;
      // a ticket created mid-way lands after everything already listed
      if (++pages === 2) created.push((await newTicket(other.supervisor)).id);
    } while (cursor);
    expect(seen).toEqual(created);
    expect(pages).toBe(5);
    // the same over GraphQL
    const viaGql: string[] = [];
    let gcursor: string | null = null;
    do {
      const data: any = await gqlOk(
        other.supervisor,
        'query($c: String) { tickets(limit: 7, cursor: $c) { items { id } nextCursor } }',
        { c: gcursor },
      );
      viaGql.push(...data.tickets.items.map((x: { id: string }) => x.id));
      gcursor = data.tickets.nextCursor;
    } while (gcursor);
    expect(viaGql).toEqual(created);
    // the cursor of a deleted ticket still works
    const first = await ok(other.supervisor.get('/v1/tickets?limit=3'));
    await ok(other.supervisor.delete(`/v1/tickets/${first.items[2].id}`), 204);
    expect(ids(await ok(other.supervisor.get(`/v1/tickets?limit=2&cursor=${first.nextCursor}`)))).toEqual(
      created.slice(3, 5),
    );
    expect((await other.supervisor.get('/v1/tickets?cursor=bogus')).statusCode).toBe(400);
    expect((await other.supervisor.get('/v1/tickets?limit=101')).statusCode).toBe(400);
  });
});

describe('soft delete and the timeline', () => {
  let d: Desk;
  beforeAll(async () => {
    d = await desk(t);
  });

  it('a deleted ticket is 404 everywhere but its row and events stay; only permitted roles delete', async () => {
    const tk = await newTicket(d.supervisor);
    await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: c('BODY') }), 201);
    const agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
    expect((await agent.delete(`/v1/tickets/${tk.id}`)).statusCode).toBe(403);
    const del = await d.supervisor.delete(`/v1/tickets/${tk.id}`);
    expect(del.statusCode).toBe(204);
    expect((await d.supervisor.get(`/v1/tickets/${tk.id}`)).statusCode).toBe(404);
    expect((await d.supervisor.get(`/v1/tickets/${tk.id}/comments`)).statusCode).toBe(404);
    expect((await d.supervisor.get(`/v1/tickets/${tk.id}/timeline`)).statusCode).toBe(404);
    expect((await d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'open' })).statusCode).toBe(404);
    expect((await d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: 'x' })).statusCode).toBe(404);
    expect((await d.supervisor.delete(`/v1/tickets/${tk.id}`)).statusCode).toBe(404);
    expect(ids(await ok(d.supervisor.get('/v1/tickets')))).not.toContain(tk.id);
    expect(await gqlCode(d.supervisor, 'query($id: ID!) { ticket(id: $id) { id } }', { id: tk.id })).toBe('NOT_FOUND');
    expect(await gqlCode(d.supervisor, 'mutation($id: ID!) { deleteTicket(id: $id) }', { id: tk.id })).toBe(
      'NOT_FOUND',
    );
    const row = await t.database.db
      .selectFrom('tickets')
      .select(['deleted_at'])
      .where('id', '=', tk.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeInstanceOf(Date);
    const { rows } = await sql<{
      type: string;
    }>`select type from ticket_events where ticket_id = ${tk.id} order by created_at, id`.execute(t.database.db);
    expect(rows.map((r) => r.type)).toEqual(['created', 'note_added', 'deleted']);
    const deletes = (await auditEvents(t.database.db, d.tenantId)).filter((e) => e['action'] === 'ticket.delete');
    expect(
      deletes.filter((e) => e['outcome'] === 'allowed').map((e) => [e['resource'].id, e['subjectContactId'] ?? null]),
    ).toEqual([[tk.id, null]]);
    expect(deletes.filter((e) => e['outcome'] === 'denied').map((e) => e['actor'].kind)).toEqual(['api_key']); // the agent's attempt
  });

  it('records every change in order, with non-PHI values and PHI field names only', async () => {
    const userId = (await ok(d.admin.post('/v1/users', { displayName: 'Agent', roles: ['agent'] }), 201)).id;
    const groupId = (await ok(d.admin.post('/v1/groups', { name: 'Nurses' }), 201)).id;
    const tk = await newTicket(d.supervisor, { tags: ['a'] });
    const newSubject = c('NEWSUBJ');
    await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { status: 'open', assigneeId: userId }));
    await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { groupId, priority: 'high' }));
    const note = await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: c('NOTE') }), 201);
    const reply = await ok(d.supervisor.post(`/v1/tickets/${tk.id}/comments`, { body: c('REPLY'), public: true }), 201);
    await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { subject: newSubject, tags: ['a', 'b'] }));
    await ok(d.supervisor.patch(`/v1/comments/${note.id}`, { body: c('NOTE2') }));
    await ok(d.supervisor.patch(`/v1/tickets/${tk.id}`, { assigneeId: null, status: 'solved' }));
    const timeline = (await ok(d.supervisor.get(`/v1/tickets/${tk.id}/timeline`))).items;
    expect(timeline.map((e: { type: string; changes: unknown }) => ({ type: e.type, changes: e.changes }))).toEqual([
      { type: 'created', changes: { status: 'new', priority: 'normal', assigneeId: null, groupId: null, tags: ['a'] } },
      { type: 'updated', changes: { status: { from: 'new', to: 'open' }, assigneeId: { from: null, to: userId } } },
      { type: 'updated', changes: { priority: { from: 'normal', to: 'high' }, groupId: { from: null, to: groupId } } },
      { type: 'note_added', changes: { commentId: note.id } },
      { type: 'reply_added', changes: { commentId: reply.id } },
      { type: 'updated', changes: { tags: { added: ['b'], removed: [] }, fieldsChanged: ['subject'] } },
      { type: 'comment_edited', changes: { commentId: note.id, revision: 2 } },
      { type: 'updated', changes: { status: { from: 'open', to: 'solved' }, assigneeId: { from: userId, to: null } } },
    ]);
    const times = timeline.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const e of timeline) expect(e.actorId).toBe(d.supervisorKeyId);
    expectNoCanary(JSON.stringify(timeline), canaries, 'timeline');
    const gql = await gqlOk(d.supervisor, 'query($id: ID!) { ticket(id: $id) { timeline { id type } } }', {
      id: tk.id,
    });
    expect(gql.ticket.timeline.map((e: { id: string }) => e.id)).toEqual(timeline.map((e: { id: string }) => e.id));
  });
});
