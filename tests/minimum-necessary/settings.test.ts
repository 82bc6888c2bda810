// The tenant's minimum-necessary lists as a setting, over the real app and PostgreSQL: read
// and replaced over REST and GraphQL, every bad entry a 422 naming its JSON pointer and the
// values allowed there, only tenant admins and privacy officers may change them (refusals
// audited), auditors may read them, and one tenant's lists are not another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { desk, gqlCode, gqlOk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let agent: Client;
let officer: Client;
let auditor: Client;

const SET = `mutation($input: SetMinimumNecessaryInput!) { setMinimumNecessary(input: $input) { allowlists recordFields roles } }`;

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  const key = async (role: string) => client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, [role])).secret });
  agent = await key('agent');
  officer = await key('privacy_officer');
  auditor = await key('auditor');
}, 60_000);
afterAll(async () => t?.close());

describe('minimum-necessary lists', () => {
  it('start empty (every role keeps every field) and name what may be listed', async () => {
    const got = await ok(d.admin.get('/v1/minimum-necessary'));
    expect(got.allowlists).toEqual({});
    expect(got.recordFields.Contact).toEqual([
      'name',
      'email',
      'phone',
      'dateOfBirth',
      'address',
      'mrn',
      'healthPlanMemberId',
      'externalIds',
    ]);
    expect(got.recordFields.Ticket).toEqual(['subject', 'description', 'customFields', 'externalRefs']);
    expect(got.recordFields.Comment).toEqual(['body']);
    expect(got.roles).toEqual(['privacy_officer', 'supervisor', 'agent', 'integration']);
  });

  it('a privacy officer sets them over REST, a tenant admin over GraphQL; both audited', async () => {
    const lists = { Contact: { agent: ['phone', 'name'] }, Ticket: { integration: ['subject'] } };
    const put = await ok(officer.put('/v1/minimum-necessary', { allowlists: lists }));
    // kept in the record type's own field order
    expect(put.allowlists).toEqual({ Contact: { agent: ['name', 'phone'] }, Ticket: { integration: ['subject'] } });
    const gql = await gqlOk(d.admin, SET, { input: { allowlists: { Contact: { supervisor: ['name', 'mrn'] } } } });
    expect(gql.setMinimumNecessary.allowlists).toEqual({ Contact: { supervisor: ['name', 'mrn'] } });
    const read = await gqlOk(auditor, '{ minimumNecessary { allowlists roles } }');
    expect(read.minimumNecessary.allowlists).toEqual({ Contact: { supervisor: ['name', 'mrn'] } });
    expect((await ok(auditor.get('/v1/minimum-necessary'))).allowlists).toEqual(read.minimumNecessary.allowlists);
    const events = (await auditEvents(t.database.db, d.tenantId)).filter((e) =>
      String(e['action']).startsWith('minimum_necessary.'),
    );
    expect(events.filter((e) => e['action'] === 'minimum_necessary.update')).toHaveLength(2);
    expect(events.some((e) => e['action'] === 'minimum_necessary.read')).toBe(true);
    expect(events.every((e) => e['outcome'] === 'allowed' && (e['phiFields'] ?? []).length === 0)).toBe(true);
    // lift them again for the tests below
    await ok(d.admin.put('/v1/minimum-necessary', { allowlists: {} }));
  });

  it('reports every bad entry with its pointer and the values allowed there (422), and keeps the old lists', async () => {
    await ok(d.admin.put('/v1/minimum-necessary', { allowlists: { Contact: { agent: ['name'] } } }));
    const bad = await ok(
      d.admin.put('/v1/minimum-necessary', {
        allowlists: {
          Patient: { agent: ['name'] },
          Contact: { requester: ['name'], agent: ['name', 'ssn', 'name'], supervisor: 'name' },
          Ticket: { auditor: [], 'a/b': ['subject'], integration: ['subject', 'comments'] },
        },
      }),
      422,
    );
    expect(bad).toMatchObject({ status: 422, code: 'UNPROCESSABLE' });
    const contactFields = expect.arrayContaining(['name', 'mrn', 'externalIds']);
    const roles = ['privacy_officer', 'supervisor', 'agent', 'integration'];
    expect(bad.errors).toEqual([
      expect.objectContaining({ pointer: '/allowlists/Patient', allowed: ['Contact', 'Ticket', 'Comment'] }),
      expect.objectContaining({ pointer: '/allowlists/Contact/requester', allowed: roles }),
      expect.objectContaining({ pointer: '/allowlists/Contact/agent/1', allowed: contactFields }),
      expect.objectContaining({ pointer: '/allowlists/Contact/agent/2', detail: 'listed twice' }),
      expect.objectContaining({ pointer: '/allowlists/Contact/supervisor', allowed: contactFields }),
      expect.objectContaining({ pointer: '/allowlists/Ticket/auditor', allowed: roles }),
      expect.objectContaining({ pointer: '/allowlists/Ticket/a~1b', allowed: roles }),
      expect.objectContaining({
        pointer: '/allowlists/Ticket/integration/1',
        allowed: ['subject', 'description', 'customFields', 'externalRefs'],
      }),
    ]);
    // GraphQL: the same check, the same pointers
    const body = await d.admin.gql(SET, { input: { allowlists: { Contact: { agent: ['dna'] } } } });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNPROCESSABLE');
    expect(JSON.stringify(body.errors)).toContain('/allowlists/Contact/agent/0');
    // structure: not an object at all is a 400 from the schema
    expect(await ok(d.admin.put('/v1/minimum-necessary', { allowlists: ['Contact'] }), 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await ok(d.admin.put('/v1/minimum-necessary', { allowlists: {}, extra: 1 }), 400);
    expect((await ok(d.admin.get('/v1/minimum-necessary'))).allowlists).toEqual({ Contact: { agent: ['name'] } });
    await ok(d.admin.put('/v1/minimum-necessary', { allowlists: {} }));
  });

  it('agents, supervisors and auditors cannot change them; the refusals are audited', async () => {
    const body = { allowlists: { Contact: { agent: ['name', 'email', 'phone', 'mrn'] } } };
    await ok(agent.put('/v1/minimum-necessary', body), 403);
    await ok(d.supervisor.put('/v1/minimum-necessary', body), 403);
    await ok(auditor.put('/v1/minimum-necessary', body), 403);
    expect(await gqlCode(agent, SET, { input: body })).toBe('FORBIDDEN');
    // an agent may not even read them (what the lists say is the admins' and auditors' business)
    await ok(agent.get('/v1/minimum-necessary'), 403);
    const denied = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['action'] === 'minimum_necessary.update' && e['outcome'] === 'denied',
    );
    expect(denied.length).toBeGreaterThanOrEqual(4);
    expect(denied.every((e) => e['reasonCode'] === 'FORBIDDEN')).toBe(true);
    expect((await ok(d.admin.get('/v1/minimum-necessary'))).allowlists).toEqual({});
  });

  it("one tenant's lists are its own", async () => {
    await ok(other.admin.put('/v1/minimum-necessary', { allowlists: { Contact: { agent: ['name'] } } }));
    expect((await ok(d.admin.get('/v1/minimum-necessary'))).allowlists).toEqual({});
    expect((await ok(other.admin.get('/v1/minimum-necessary'))).allowlists).toEqual({ Contact: { agent: ['name'] } });
  });
});
