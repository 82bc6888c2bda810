// The cost of ticket writes in SQL statements, each a network round trip inside the
// request. Pinned exactly, so that a new lookup on the create path shows up here as a
// failing test (with the statements listed) instead of as a slower benchmark later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { desk, ok, type Desk } from './helpers.js';

let t: TestApp;
let d: Desk;
let recording: string[] | undefined;
let auditRecording: string[] | undefined;
let refs: { requesterId: string; assigneeId: string; groupId: string };

beforeAll(async () => {
  // no background sequencer/checkpoints: only the request's own statements are counted
  t = await startTestApp({
    auditJobs: false,
    onQuery: (statement) => recording?.push(statement),
    // reads' events are chained through the audit writer's own pool (as in production)
    auditOnQuery: (statement) => auditRecording?.push(statement),
  });
  d = await desk(t);
  refs = {
    assigneeId: (await ok(d.admin.post('/v1/users', { displayName: 'Agent', roles: ['agent'] }), 201)).id,
    groupId: (await ok(d.admin.post('/v1/groups', { name: 'Front desk' }), 201)).id,
    requesterId: (await ok(d.supervisor.post('/v1/contacts', { name: 'Patient', mrn: 'MRN-1' }), 201)).id,
  };
  await ok(d.admin.put('/v1/sla-policies/high', { firstResponseMinutes: 60, resolutionMinutes: 480 }), 200);
  await ok(d.admin.put('/v1/sla-policies/urgent', { firstResponseMinutes: 15, resolutionMinutes: 240 }), 200);
}, 60_000);
afterAll(async () => t?.close());

/** A short, stable name for what one statement does. */
function statementKind(statement: string): string {
  const s = statement.replace(/\s+/g, ' ').trim();
  const rules: Array<[RegExp, string]> = [
    // src/webhooks/outbox.repository.ts: with the COMMIT, inserting rows only for a subscribed endpoint
    [/^(\/\*[^*]*\*\/)?with subscribed as .*insert into webhook_deliveries/i, 'webhook outbox'],
    [/^begin/i, 'begin'],
    [/^set transaction read only/i, 'read only'],
    [/^commit/i, 'commit'],
    [/^rollback/i, 'rollback'],
    [/set_config\('app\.tenant_id'/i, 'tenant scope'],
    [/"api_keys"/i, 'authentication: API key'],
    [/"break_glass_grants"/i, 'authentication: break-glass grants'],
    [/^insert into "idempotency_keys"/i, 'idempotency key claim'],
    [/"disclosure_settings".*"phi_detection_settings"/i, 'outbound settings (disclosure + PHI detection, one select)'],
    [/^(\/\*[^*]*\*\/)?insert into "audit_inbox"/i, 'audit events'],
    [/as "contact".*as "sla".*as "definitions"/i, 'lookups'],
    [/insert into "tickets".*insert into "ticket_events"/i, 'ticket + timeline insert (one CTE)'],
    [
      /insert into "ticket_comments".*update "tickets".*insert into "ticket_events"/i,
      'comment + first response + timeline (one CTE)',
    ],
    [/update "tickets".*insert into "ticket_events"/i, 'ticket update + timeline (one CTE)'],
    [/^insert into "tickets"/i, 'ticket insert'],
    [/^insert into "ticket_events"/i, 'timeline insert'],
    [/^insert into "ticket_comments"/i, 'comment insert'],
    [/^update "tickets"/i, 'ticket update'],
    [/"sla_policies"/i, 'SLA policy lookup'],
    [/"custom_field_definitions"/i, 'custom-field definitions'],
    [/from "(contacts|users|groups)"/i, 'reference check'],
    [/from "ticket_comments"/i, 'comment select'],
    [/from "tickets"/i, 'ticket select'],
    [/"tenant_keys"/i, 'tenant key load'],
  ];
  return rules.find(([re]) => re.test(s))?.[1] ?? 'OTHER';
}

/**
 * What one round trip does: src/db/scoped-connection.ts sends a transaction's BEGIN and
 * scope with its first statement and the audit insert with its COMMIT, as one message.
 */
const kind = (message: string): string => message.split(';\n').map(statementKind).join(' + ');

/** The round trips `send` caused, by kind, and a listing of them for failure messages. */
async function statementsOf(
  send: () => Promise<unknown>,
): Promise<{ kinds: string[]; listing: string; statements: string[] }> {
  recording = [];
  try {
    await send();
    const kinds = recording.map(kind);
    const listing = recording
      .map((st, i) => `${i + 1}. ${kinds[i]}: ${st.replace(/\s+/g, ' ').slice(0, 200)}`)
      .join('\n');
    return { kinds, listing: `${recording.length} round trips:\n${listing}`, statements: recording };
  } finally {
    recording = undefined;
  }
}

/**
 * Splits a request's statements into its authentication (src/api-keys, not the ticket
 * code's to change: asserted on its own so a change there is named as such) and the rest.
 */
function split(kinds: string[]) {
  return {
    auth: kinds.filter((k) => k.startsWith('authentication')),
    rest: kinds.filter((k) => !k.startsWith('authentication')),
  };
}

// An API key's last use is stamped at most once a minute (the set-up's requests took it):
// a steady-state request authenticates in one statement.
const AUTH = ['authentication: API key'];

describe('ticket writes', () => {
  it('REST create: three round trips, transaction control included', async () => {
    const body = { subject: 'Chest pain follow-up', priority: 'high', tags: ['cardio', 'follow-up'], ...refs };
    // warm the tenant key cache, so the measured request is a steady-state one
    await ok(d.supervisor.post('/v1/tickets', body), 201);
    let created: any;
    const { kinds, listing } = await statementsOf(async () => {
      created = await ok(d.supervisor.post('/v1/tickets', body), 201);
    });
    expect(created).toMatchObject({ ...refs, tags: ['cardio', 'follow-up'], priority: 'high' });
    expect(created.sla.firstResponseDueAt).toBeTruthy();
    // Before: BEGIN with the scope, 3 reference lookups, the SLA lookup, the ticket insert,
    // the timeline insert, the audit insert and COMMIT were eight round trips; three now.
    // The webhook outbox statement rides with the COMMIT too (it writes nothing for a
    // tenant without a subscribed endpoint, as here): no round trip of its own.
    expect(split(kinds).rest, listing).toEqual([
      'begin + tenant scope + lookups',
      'ticket + timeline insert (one CTE)',
      'webhook outbox + audit events + commit',
    ]);
    expect(split(kinds).auth, listing).toEqual(AUTH);
    expect(kinds, listing).toHaveLength(4);
    // the merged statements still did their whole job
    const timeline = await ok(d.supervisor.get(`/v1/tickets/${created.id}/timeline`));
    expect(timeline.items).toMatchObject([
      {
        type: 'created',
        changes: {
          status: 'new',
          priority: 'high',
          assigneeId: refs.assigneeId,
          groupId: refs.groupId,
          tags: ['cardio', 'follow-up'],
        },
      },
    ]);
  });

  it('REST create with an Idempotency-Key: the claim is one statement more, and a replay is no insert', async () => {
    const body = { subject: 'Refill', ...refs };
    const headers = { 'idempotency-key': `statements-${Date.now()}` };
    const first = await statementsOf(() => ok(d.supervisor.post('/v1/tickets', body, headers), 201));
    expect(split(first.kinds).rest, first.listing).toEqual([
      'begin + tenant scope + idempotency key claim',
      'lookups',
      'ticket + timeline insert (one CTE)',
      'webhook outbox + audit events + commit',
    ]);
    const replay = await statementsOf(() => ok(d.supervisor.post('/v1/tickets', body, headers), 201));
    expect(replay.kinds, replay.listing).not.toContain('ticket + timeline insert (one CTE)');
  });

  it('REST create with custom fields: the definitions come with the same lookup', async () => {
    await ok(
      d.admin.post('/v1/custom-fields', {
        key: 'department',
        label: 'Department',
        type: 'enum',
        options: ['cardiology', 'oncology'],
        phi: false,
      }),
      201,
    );
    const body = { subject: 'Referral', customFields: { department: 'cardiology' }, ...refs };
    const { kinds, listing } = await statementsOf(() => ok(d.supervisor.post('/v1/tickets', body), 201));
    expect(split(kinds).rest, listing).toEqual([
      'begin + tenant scope + lookups',
      'ticket + timeline insert (one CTE)',
      'webhook outbox + audit events + commit',
    ]);
  });

  it('REST update and comment: lookups merged, each write with its timeline row in one statement', async () => {
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject: 'Callback', ...refs }), 201);
    const patched = await statementsOf(() =>
      ok(d.supervisor.patch(`/v1/tickets/${ticket.id}`, { priority: 'urgent', groupId: null, status: 'open' })),
    );
    expect(split(patched.kinds).rest, patched.listing).toEqual([
      'begin + tenant scope + ticket select', // the row, locked
      'lookups',
      'ticket update + timeline (one CTE)',
      'webhook outbox + audit events + commit',
    ]);
    const replied = await statementsOf(() =>
      ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body: 'Called back', public: true }), 201),
    );
    // a public reply passes the disclosure checks (src/disclosure): both of the tenant's
    // settings come in one statement, whatever the number of checks
    expect(split(replied.kinds).rest, replied.listing).toEqual([
      'begin + tenant scope + ticket select',
      'outbound settings (disclosure + PHI detection, one select)',
      'comment + first response + timeline (one CTE)',
      'webhook outbox + audit events + commit',
    ]);
    const after = await ok(d.supervisor.get(`/v1/tickets/${ticket.id}`));
    expect(after).toMatchObject({ priority: 'urgent', groupId: null, status: 'open', version: 3 });
    expect(after.sla.firstRespondedAt).toBeTruthy();
    const timeline = await ok(d.supervisor.get(`/v1/tickets/${ticket.id}/timeline`));
    expect(timeline.items.map((e: { type: string }) => e.type)).toEqual(['created', 'updated', 'reply_added']);
  });

  it("a public reply with PHI detection on: the value lookup rides on the outbound settings' select", async () => {
    await ok(d.supervisor.post('/v1/contacts', { name: 'Someone Else', phone: '617-555-0199' }), 201);
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject: 'Results', ...refs }), 201);
    const on = {
      otherPatientAction: 'block',
      patternAction: 'off',
      patternKinds: [],
      mrnPatterns: [],
      accountPatterns: [],
    };
    await ok(d.admin.put('/v1/phi-detection-settings', on));
    try {
      const allowed = await statementsOf(() =>
        ok(
          d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body: 'Call 617 555 0123 or MRN-1', public: true }),
          201,
        ),
      );
      expect(split(allowed.kinds).rest, allowed.listing).toEqual([
        'begin + tenant scope + ticket select',
        'outbound settings (disclosure + PHI detection, one select)',
        'comment + first response + timeline (one CTE)',
        'webhook outbox + audit events + commit',
      ]);
      expect(allowed.statements.find((st) => /"phi_detection_settings"/.test(st))).toMatch(/phi_value_matches\(/);
      // another patient's phone is found by that same select: refused, no lookup of its own
      const refused = await statementsOf(() =>
        ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body: 'Call (617) 555-0199', public: true }), 422),
      );
      expect(split(refused.kinds).rest.slice(0, 2), refused.listing).toEqual([
        'begin + tenant scope + ticket select',
        'outbound settings (disclosure + PHI detection, one select)',
      ]);
      expect(
        refused.kinds.filter((k) => k === 'reference check'),
        refused.listing,
      ).toEqual([]);
    } finally {
      await ok(d.admin.put('/v1/phi-detection-settings', { ...on, otherPatientAction: 'off' }));
    }
  });
});

describe('ticket reads', () => {
  it('GET by id: one round trip, the READ ONLY frame and the tenant scope travelling with the select', async () => {
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject: 'Lab results', ...refs }), 201);
    await ok(d.supervisor.get(`/v1/tickets/${ticket.id}`)); // warm the tenant key cache
    auditRecording = [];
    let read: any;
    const { kinds, listing } = await statementsOf(async () => {
      read = await ok(d.supervisor.get(`/v1/tickets/${ticket.id}`));
    });
    const chained = auditRecording;
    auditRecording = undefined;
    expect(read).toMatchObject({ id: ticket.id, subject: 'Lab results' });
    expect(split(kinds).rest, listing).toEqual(['read only + tenant scope + ticket select']);
    expect(split(kinds).auth, listing).toEqual(AUTH);
    // its audit event went to the chain through the audit writer's pool, before the answer
    expect(
      chained.some((st) => /insert into audit_events/i.test(st)),
      chained.join('\n'),
    ).toBe(true);
  });
});

describe('with the authentication cache (as production runs)', () => {
  let cached: TestApp;
  let supervisor: Desk['supervisor'];
  const recorded: string[] = [];
  let recordingCached = false;
  beforeAll(async () => {
    cached = await startTestApp({
      auditJobs: false,
      authCache: true,
      onQuery: (st) => recordingCached && recorded.push(st),
      auditOnQuery: () => undefined,
    });
    supervisor = (await desk(cached)).supervisor;
  }, 60_000);
  afterAll(async () => cached?.close());

  async function roundTrips(send: () => Promise<unknown>): Promise<string[]> {
    recorded.length = 0;
    recordingCached = true;
    try {
      await send();
    } finally {
      recordingCached = false;
    }
    return recorded.map(kind);
  }

  it('a create is 3 round trips in all and a read by id 1', async () => {
    const body = { subject: 'Referral letter' };
    const first = await ok(supervisor.post('/v1/tickets', body), 201); // warms the key and auth caches
    await ok(supervisor.get(`/v1/tickets/${first.id}`));
    let created: any;
    const create = await roundTrips(async () => {
      created = await ok(supervisor.post('/v1/tickets', body), 201);
    });
    expect(create, create.join('\n')).toEqual([
      'begin + tenant scope + lookups',
      'ticket + timeline insert (one CTE)',
      'webhook outbox + audit events + commit',
    ]);
    const read = await roundTrips(() => ok(supervisor.get(`/v1/tickets/${created.id}`)));
    expect(read, read.join('\n')).toEqual(['read only + tenant scope + ticket select']);
  });
});
