// Acceptance 3: who sees which tickets and comments, through REST and GraphQL alike.
// - A requester (a partner IdP user whose account the tenant admin links to a contact)
//   sees the tickets about that contact and their public comments only; internal notes
//   are absent everywhere (lists, last comment, timeline); other tickets are 404.
// - Agents see tickets assigned to them or to their groups (membership through the API,
//   or a `groups` claim naming the group), nothing else.
// - A tenant admin reads tickets masked: masked = true, PHI fields null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { auditEvents, touches } from '../helpers/audit.js';
import {
  canary,
  COMMENT_FIELDS,
  desk,
  expectNoCanary,
  gqlCode,
  gqlOk,
  ok,
  TICKET_FIELDS,
  type Desk,
} from './helpers.js';

const AUD = 'phidesk-api';
let t: TestApp;
let idp: FakeIdp;
let d: Desk;
const canaries: string[] = [];
const c = (label: string) => {
  const v = canary(label);
  canaries.push(v);
  return v;
};

interface JwtUser {
  id: string;
  client: Client;
}
let requester: JwtUser;
let memberAgent: JwtUser; // member of group A through PUT /v1/groups/:id/members/:userId
let claimAgent: JwtUser; // in group B through the token's groups claim
let assignedAgent: JwtUser; // no group; tickets assigned to them
let groupA: string;
let groupB: string;
let patient: string; // the requester's contact
let otherPatient: string;
const tk: Record<'mine' | 'mineToo' | 'groupB' | 'assigned' | 'loose', string> = {
  mine: '',
  mineToo: '',
  groupB: '',
  assigned: '',
  loose: '',
};
let publicReply: string;
let internalNote: string;

async function jwtUser(sub: string, claims: Record<string, unknown> = {}): Promise<JwtUser> {
  const now = Math.floor(Date.now() / 1000);
  const token = idp.sign({
    aud: AUD,
    sub,
    name: `User ${sub}`,
    iat: now,
    exp: now + 3600,
    amr: ['pwd', 'otp'],
    ...claims,
  });
  const c2 = client(t.app, { bearer: token });
  const me = await ok(c2.get('/v1/me')); // provisions the user on first sight
  return { id: me.id, client: c2 };
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

async function restVisible(u: Client): Promise<string[]> {
  return ids((await ok(u.get('/v1/tickets?limit=100'))).items);
}
async function gqlVisible(u: Client): Promise<string[]> {
  return ids((await gqlOk(u, '{ tickets(limit: 100) { items { id } } }')).tickets.items);
}

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true' } });
  idp = await startFakeIdp();
  d = await desk(t, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: AUD } });
  patient = (await ok(d.supervisor.post('/v1/contacts', { name: c('PATIENT'), mrn: c('MRN') }), 201)).id;
  otherPatient = (await ok(d.supervisor.post('/v1/contacts', { name: c('OTHER'), mrn: c('MRN') }), 201)).id;
  groupA = (await ok(d.admin.post('/v1/groups', { name: 'Pharmacy' }), 201)).id;
  groupB = (await ok(d.admin.post('/v1/groups', { name: 'Night shift' }), 201)).id;

  requester = await jwtUser('patient-portal-1');
  await ok(d.admin.patch(`/v1/users/${requester.id}`, { roles: ['requester'], contactId: patient }));
  memberAgent = await jwtUser('agent-member', { roles: ['agent'] });
  await ok(d.admin.put(`/v1/groups/${groupA}/members/${memberAgent.id}`));
  claimAgent = await jwtUser('agent-claim', { roles: ['agent'], groups: ['Night shift'] });
  assignedAgent = await jwtUser('agent-assigned', { roles: ['agent'] });

  const make = async (body: Record<string, unknown>) =>
    (await ok(d.supervisor.post('/v1/tickets', { description: c('DESC'), ...body }), 201)).id as string;
  tk.mine = await make({ subject: c('MINE'), requesterId: patient, groupId: groupA });
  tk.mineToo = await make({ subject: c('MINE2'), requesterId: patient });
  tk.groupB = await make({ subject: c('GROUPB'), requesterId: otherPatient, groupId: groupB });
  tk.assigned = await make({ subject: c('ASSIGNED'), requesterId: otherPatient, assigneeId: assignedAgent.id });
  tk.loose = await make({ subject: c('LOOSE'), requesterId: otherPatient });
  publicReply = (
    await ok(d.supervisor.post(`/v1/tickets/${tk.mine}/comments`, { body: c('REPLY'), public: true }), 201)
  ).id;
  // the newest comment of the ticket is internal: the requester's lastComment must still be the reply
  internalNote = (
    await ok(d.supervisor.post(`/v1/tickets/${tk.mine}/comments`, { body: c('NOTE'), public: false }), 201)
  ).id;
});

afterAll(async () => {
  if (t) expectNoCanary(t.logs.text, canaries, 'logs');
  await idp?.close();
  await t?.close();
});

describe('requester', () => {
  it('sees only the tickets about their own contact, through REST and GraphQL', async () => {
    const expected = [tk.mine, tk.mineToo].sort();
    expect(await restVisible(requester.client)).toEqual(expected);
    expect(await gqlVisible(requester.client)).toEqual(expected);
    // a filter cannot widen it
    expect(ids((await ok(requester.client.get(`/v1/tickets?requesterId=${otherPatient}`))).items)).toEqual([]);
    const mine = await ok(requester.client.get(`/v1/tickets/${tk.mine}`));
    expect(mine).toMatchObject({ id: tk.mine, masked: false, requesterId: patient });
    expect(mine.subject).toMatch(/^CANARYMINE/);
  });

  it('gets 404 / NOT_FOUND for every other ticket, for reads, comments and writes', async () => {
    for (const id of [tk.groupB, tk.assigned, tk.loose]) {
      expect((await requester.client.get(`/v1/tickets/${id}`)).statusCode).toBe(404);
      expect((await requester.client.get(`/v1/tickets/${id}/comments`)).statusCode).toBe(404);
      expect((await requester.client.get(`/v1/tickets/${id}/timeline`)).statusCode).toBe(404);
      expect((await requester.client.post(`/v1/tickets/${id}/comments`, { body: 'hello' })).statusCode).toBe(404);
      expect(await gqlCode(requester.client, 'query($id: ID!) { ticket(id: $id) { id subject } }', { id })).toBe(
        'NOT_FOUND',
      );
    }
    // and cannot change even their own (no update on tickets)
    expect((await requester.client.patch(`/v1/tickets/${tk.mine}`, { status: 'solved' })).statusCode).toBe(403);
  });

  it('sees public comments only: internal notes are absent from lists, lastComment and the timeline', async () => {
    const rest = await ok(requester.client.get(`/v1/tickets/${tk.mine}/comments`));
    expect(rest.items.map((x: { id: string }) => x.id)).toEqual([publicReply]);
    expect(rest.items[0]).toMatchObject({ public: true, masked: false });
    expect(rest.items[0].body).toMatch(/^CANARYREPLY/);
    const gql = await gqlOk(
      requester.client,
      `query($id: ID!) { ticket(id: $id) { comments { items { ${COMMENT_FIELDS} } } lastComment { id public } timeline { type changes } } }`,
      { id: tk.mine },
    );
    expect(gql.ticket.comments.items.map((x: { id: string }) => x.id)).toEqual([publicReply]);
    expect(gql.ticket.lastComment).toEqual({ id: publicReply, public: true });
    const timelineRest = await ok(requester.client.get(`/v1/tickets/${tk.mine}/timeline`));
    for (const timeline of [gql.ticket.timeline, timelineRest.items]) {
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'reply_added']);
      expect(JSON.stringify(timeline)).not.toContain(internalNote);
    }
    // the list page's lastComment too
    const page = await gqlOk(requester.client, '{ tickets { items { id lastComment { id } } } }');
    expect(page.tickets.items.find((x: { id: string }) => x.id === tk.mine).lastComment).toEqual({ id: publicReply });
    // staff see both
    const staff = await ok(d.supervisor.get(`/v1/tickets/${tk.mine}/comments`));
    expect(staff.items.map((x: { id: string }) => x.id)).toEqual([publicReply, internalNote]);
  });

  it('files tickets about themself only; their comments are always public', async () => {
    const created = await ok(requester.client.post('/v1/tickets', { subject: c('OWN') }), 201);
    expect(created.requesterId).toBe(patient);
    expect(
      (await requester.client.post('/v1/tickets', { subject: 'About someone else', requesterId: otherPatient }))
        .statusCode,
    ).toBe(403);
    const comment = await ok(
      requester.client.post(`/v1/tickets/${tk.mine}/comments`, { body: c('ASK'), public: false }),
      201,
    );
    expect(comment.public).toBe(true);
    // a requester's public comment does not stop the first-response clock
    expect((await ok(d.supervisor.get(`/v1/tickets/${created.id}`))).sla.firstRespondedAt).toBeNull();
    const gql = await gqlOk(
      requester.client,
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id requesterId } }`,
      { input: { subject: c('OWN') } },
    );
    expect(gql.createTicket.requesterId).toBe(patient);
  });
});

describe('agents', () => {
  it('see tickets of their groups (membership or groups claim) and assigned to them, nothing else', async () => {
    const cases: Array<[string, JwtUser, string[]]> = [
      ['group member', memberAgent, [tk.mine]],
      ['groups claim', claimAgent, [tk.groupB]],
      ['assignee', assignedAgent, [tk.assigned]],
    ];
    for (const [label, agent, expected] of cases) {
      expect(await restVisible(agent.client), label).toEqual(expected.sort());
      expect(await gqlVisible(agent.client), label).toEqual(expected.sort());
      for (const id of Object.values(tk).filter((x) => !expected.includes(x))) {
        expect((await agent.client.get(`/v1/tickets/${id}`)).statusCode, `${label} reads ${id}`).toBe(404);
        expect(
          (await agent.client.patch(`/v1/tickets/${id}`, { status: 'open' })).statusCode,
          `${label} updates ${id}`,
        ).toBe(404);
        expect(
          await gqlCode(agent.client, 'query($id: ID!) { ticket(id: $id) { id } }', { id }),
          `${label} reads ${id} over GraphQL`,
        ).toBe('NOT_FOUND');
        expect(
          await gqlCode(agent.client, 'mutation($id: ID!) { updateTicket(id: $id, input: { status: open }) { id } }', {
            id,
          }),
        ).toBe('NOT_FOUND');
      }
      // filters narrow, never widen
      for (const filter of [
        `groupId=${groupA}`,
        `groupId=${groupB}`,
        `requesterId=${otherPatient}`,
        `assigneeId=${assignedAgent.id}`,
      ]) {
        const seen = ids((await ok(agent.client.get(`/v1/tickets?${filter}&limit=100`))).items);
        expect(
          seen.every((x) => expected.includes(x)),
          `${label} with ${filter}`,
        ).toBe(true);
      }
    }
  });

  it('read PHI and internal notes of the tickets they see, and can work them', async () => {
    const one = await ok(memberAgent.client.get(`/v1/tickets/${tk.mine}`));
    expect(one).toMatchObject({ masked: false, groupId: groupA });
    const comments = await ok(memberAgent.client.get(`/v1/tickets/${tk.mine}/comments`));
    expect(comments.items.map((x: { id: string }) => x.id)).toContain(internalNote);
    const gql = await gqlOk(assignedAgent.client, `query($id: ID!) { ticket(id: $id) { subject assignee { id } } }`, {
      id: tk.assigned,
    });
    expect(gql.ticket.subject).toMatch(/^CANARYASSIGNED/);
    expect(gql.ticket.assignee).toEqual({ id: assignedAgent.id });
    const updated = await ok(assignedAgent.client.patch(`/v1/tickets/${tk.assigned}`, { status: 'open' }));
    expect(updated.status).toBe('open');
  });

  it("edit their own comments only; a supervisor edits anyone's (REST and GraphQL), and every refusal is audited", async () => {
    const own = (await ok(memberAgent.client.post(`/v1/tickets/${tk.mine}/comments`, { body: c('AGENTNOTE') }), 201))
      .id;
    expect(await ok(memberAgent.client.patch(`/v1/comments/${own}`, { body: c('AGENTEDIT') }))).toMatchObject({
      id: own,
      revision: 2,
    });
    // the supervisor's reply sits on a ticket the agent works, yet it is not theirs to edit
    const before = await ok(memberAgent.client.get(`/v1/tickets/${tk.mine}/comments`));
    const replyBefore = before.items.find((x: { id: string }) => x.id === publicReply);
    const refused = await memberAgent.client.patch(`/v1/comments/${publicReply}`, { body: c('HIJACK') });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await gqlCode(
        memberAgent.client,
        'mutation($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id } }',
        { id: publicReply, body: c('HIJACK') },
      ),
    ).toBe('FORBIDDEN');
    const after = await ok(memberAgent.client.get(`/v1/tickets/${tk.mine}/comments`));
    expect(after.items.find((x: { id: string }) => x.id === publicReply)).toEqual(replyBefore);
    const denials = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) =>
        e['action'] === 'comment.update' &&
        e['outcome'] === 'denied' &&
        e['resource']?.id === publicReply &&
        e['actor'].id === memberAgent.id,
    );
    expect(denials).toHaveLength(2);
    // the author-or-supervisor rule: a supervisor edits the agent's comment
    expect(await ok(d.supervisor.patch(`/v1/comments/${own}`, { body: c('SUPEDIT') }))).toMatchObject({
      id: own,
      revision: 3,
    });
  });

  it('lose sight of a ticket once it moves out of their groups', async () => {
    const id = (await ok(d.supervisor.post('/v1/tickets', { subject: c('MOVING'), groupId: groupA }), 201)).id;
    expect((await memberAgent.client.get(`/v1/tickets/${id}`)).statusCode).toBe(200);
    await ok(d.supervisor.patch(`/v1/tickets/${id}`, { groupId: groupB }));
    expect((await memberAgent.client.get(`/v1/tickets/${id}`)).statusCode).toBe(404);
    expect((await claimAgent.client.get(`/v1/tickets/${id}`)).statusCode).toBe(200);
    // leaving the group: membership is read at authentication, so the next request sees it
    await ok(d.admin.delete(`/v1/groups/${groupA}/members/${memberAgent.id}`));
    expect(await restVisible(memberAgent.client)).toEqual([]);
    await ok(d.admin.put(`/v1/groups/${groupA}/members/${memberAgent.id}`));
  });
});

describe('masked views', () => {
  it('a tenant admin reads tickets masked (REST and GraphQL): masked true, PHI fields null, audited without PHI fields', async () => {
    const fields = await ok(
      d.admin.post('/v1/custom-fields', { key: 'diagnosis', label: 'Diagnosis', type: 'text', phi: true }),
      201,
    );
    expect(fields.phi).toBe(true);
    await ok(
      d.admin.post('/v1/custom-fields', {
        key: 'site',
        label: 'Site',
        type: 'enum',
        options: ['north', 'south'],
        phi: false,
      }),
      201,
    );
    const id = (
      await ok(
        d.supervisor.post('/v1/tickets', {
          subject: c('MASKED'),
          description: c('DESC'),
          requesterId: patient,
          customFields: { diagnosis: c('DIAG'), site: 'north' },
          externalRefs: [{ system: 'fhir', value: `Encounter/${c('ENC')}` }],
        }),
        201,
      )
    ).id;
    await ok(d.supervisor.post(`/v1/tickets/${id}/comments`, { body: c('BODY'), public: true }), 201);

    const rest = await ok(d.admin.get(`/v1/tickets/${id}`));
    expect(rest).toMatchObject({
      id,
      masked: true,
      subject: null,
      description: null,
      externalRefs: null,
      customFields: { site: 'north' },
      requesterId: patient,
    });
    expect(rest.customFields).not.toHaveProperty('diagnosis');
    const list = await ok(d.admin.get('/v1/tickets?limit=100'));
    expect(list.items.length).toBeGreaterThanOrEqual(6);
    for (const item of list.items) expect(item).toMatchObject({ masked: true, subject: null, description: null });
    const comments = await ok(d.admin.get(`/v1/tickets/${id}/comments`));
    expect(comments.items[0]).toMatchObject({ masked: true, body: null });

    const gql = await gqlOk(
      d.admin,
      `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} lastComment { body masked } requester { masked name } } }`,
      { id },
    );
    expect(gql.ticket).toMatchObject({
      masked: true,
      subject: null,
      description: null,
      externalRefs: null,
      customFields: { site: 'north' },
    });
    expect(gql.ticket.lastComment).toEqual({ body: null, masked: true });
    expect(gql.ticket.requester).toEqual({ masked: true, name: null });
    expectNoCanary(JSON.stringify([rest, list, comments, gql]), canaries, 'masked responses');

    // the admin's reads are audited, naming no PHI field (nothing was disclosed)
    const reads = (await auditEvents(t.database.db, d.tenantId)).flatMap((e) =>
      touches(e)
        .filter((r) => r.id === id && r.action === 'ticket.read')
        .map((r) => ({ ...r, actorId: e['actor'].id as string })),
    );
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const r of reads) {
      expect(r.contactId).toBe(patient);
      if (r.actorId !== d.supervisorKeyId) expect(r.phiFields).toEqual([]);
    }
    // an integration key without phi:read is masked the same way; with it, not
    const plain = client(t.app, {
      apiKey: (await mintKey(t.app, d.adminKey, ['integration'], ['tickets:read'])).secret,
    });
    expect(await ok(plain.get(`/v1/tickets/${id}`))).toMatchObject({ masked: true, subject: null });
    const phi = client(t.app, {
      apiKey: (await mintKey(t.app, d.adminKey, ['integration'], ['tickets:read', 'phi:read'])).secret,
    });
    const opened = await ok(phi.get(`/v1/tickets/${id}`));
    expect(opened.masked).toBe(false);
    expect(opened.customFields.diagnosis).toMatch(/^CANARYDIAG/);
  });

  it('a masked caller may change non-PHI fields but not PHI ones', async () => {
    const updater = client(t.app, {
      apiKey: (await mintKey(t.app, d.adminKey, ['integration'], ['tickets:read', 'tickets:write'])).secret,
    });
    const id = (await ok(d.supervisor.post('/v1/tickets', { subject: c('M2'), requesterId: patient }), 201)).id;
    expect(await ok(updater.patch(`/v1/tickets/${id}`, { priority: 'urgent' }))).toMatchObject({
      masked: true,
      priority: 'urgent',
    });
    expect((await updater.patch(`/v1/tickets/${id}`, { subject: 'overwritten blind' })).statusCode).toBe(403);
    expect((await ok(d.supervisor.get(`/v1/tickets/${id}`))).subject).toMatch(/^CANARYM2/);
  });
});
