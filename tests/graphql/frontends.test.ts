// Issue 19, GraphQL that frontends can build on: partial answers (acceptance 3: a forbidden
// field is null with its FORBIDDEN error while its siblings answer), enums carrying REST's
// wire values, Relay connections beside the deprecated items/nextCursor, node(id:) with
// global ids behind the same gate, tenant scoping and audit as the by-id query, orderBy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { touches } from '../helpers/audit.js';
import { toGlobalId } from '../../src/graphql/relay.js';
import { desk, gqlOk, newAuditEvents, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let a: Desk;
let b: Desk;
/** an integration key of tenant a that may read tickets and nothing else */
let ticketsOnly: Client;
const ticketIds: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  a = await desk(t);
  b = await desk(t);
  ticketsOnly = client(t.app, { apiKey: (await mintKey(t.app, a.adminKey, ['integration'], ['tickets:read'])).secret });
  for (const [i, priority] of ['low', 'urgent', 'normal'].entries()) {
    const created = await ok(
      a.supervisor.post('/v1/tickets', { subject: `Ticket ${i}`, priority, status: 'open' }),
      201,
    );
    ticketIds.push(created.id);
  }
});
afterAll(async () => t?.close());

describe('partial answers', () => {
  it('a forbidden top-level field is null with FORBIDDEN; the allowed ones keep their data', async () => {
    const seen = new Set<string>();
    await newAuditEvents(t, a.tenantId, seen);
    const body = await ticketsOnly.gql(`{
      tickets(first: 5) { nodes { id status } }
      slaPolicies { priority }
      contacts(first: 1) { nodes { id } }
    }`);
    expect(body.data.tickets.nodes.map((n: { id: string }) => n.id)).toEqual(ticketIds);
    expect(body.data.slaPolicies).toBeNull();
    expect(body.data.contacts).toBeNull();
    const byPath = Object.fromEntries((body.errors ?? []).map((e: any) => [e.path?.join('.'), e.extensions?.code]));
    expect(byPath).toEqual({ slaPolicies: 'FORBIDDEN', contacts: 'FORBIDDEN' });
    // both refusals are audited, and so are the reads that were answered
    const events = await newAuditEvents(t, a.tenantId, seen);
    const denied = events.filter((e) => e['outcome'] === 'denied').map((e) => e['resource'].type);
    expect(denied.sort()).toEqual(['Contact', 'Tenant']);
    const read = events.flatMap(touches).filter((x) => x.action === 'ticket.read');
    expect(read.map((x) => x.id).sort()).toEqual([...ticketIds].sort());
  });

  it('a missing record is null with NOT_FOUND beside data that exists', async () => {
    const body = await a.supervisor.gql(
      `query($gone: ID!, $id: ID!) { gone: ticket(id: $gone) { id } here: ticket(id: $id) { id } }`,
      {
        gone: '7b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
        id: ticketIds[0],
      },
    );
    expect(body.data).toEqual({ gone: null, here: { id: ticketIds[0] } });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

describe('enums', () => {
  it('status, priority, type and channel are enums whose values are REST wire values', async () => {
    const rest = await ok(a.supervisor.get(`/v1/tickets/${ticketIds[1]}`));
    const data = await gqlOk(a.supervisor, `query($id: ID!) { ticket(id: $id) { status priority type channel } }`, {
      id: ticketIds[1],
    });
    expect(data.ticket).toEqual({
      status: rest.status,
      priority: rest.priority,
      type: rest.type,
      channel: rest.channel,
    });
    const types = await gqlOk(
      a.supervisor,
      `{ __type(name: "Ticket") { fields { name type { ofType { kind name } } } } }`,
    );
    const kinds = Object.fromEntries(types.__type.fields.map((f: any) => [f.name, f.type.ofType?.kind]));
    expect([kinds.status, kinds.priority, kinds.type, kinds.channel]).toEqual(['ENUM', 'ENUM', 'ENUM', 'ENUM']);
  });

  it('a value outside the enum is refused before any resolver runs', async () => {
    const body = await a.supervisor.gql(`{ tickets(filter: { status: [bogus] }) { nodes { id } } }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('filters take enum values', async () => {
    const data = await gqlOk(a.supervisor, `{ tickets(filter: { priority: [urgent] }) { nodes { id priority } } }`);
    expect(data.tickets.nodes).toEqual([{ id: ticketIds[1], priority: 'urgent' }]);
  });
});

describe('Relay connections', () => {
  const page = `edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

  it('first/after walk the list; endCursor and the edge cursors page on', async () => {
    const one = (await gqlOk(a.supervisor, `{ tickets(first: 2) { ${page} } }`)).tickets;
    expect(one.edges.map((e: any) => e.node.id)).toEqual(ticketIds.slice(0, 2));
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(one.pageInfo.startCursor).toBe(one.edges[0].cursor);
    expect(one.pageInfo.endCursor).toBe(one.edges[1].cursor);
    const two = (
      await gqlOk(a.supervisor, `query($after: String) { tickets(first: 2, after: $after) { ${page} } }`, {
        after: one.pageInfo.endCursor,
      })
    ).tickets;
    expect(two.edges.map((e: any) => e.node.id)).toEqual([ticketIds[2]]);
    expect(two.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // any edge's cursor is a place to start from
    const fromFirst = (
      await gqlOk(a.supervisor, `query($after: String) { tickets(first: 5, after: $after) { nodes { id } } }`, {
        after: one.edges[0].cursor,
      })
    ).tickets;
    expect(fromFirst.nodes.map((n: any) => n.id)).toEqual(ticketIds.slice(1));
  });

  it('the deprecated items/nextCursor and limit/cursor still work, and say so', async () => {
    const old = (await gqlOk(a.supervisor, `{ tickets(limit: 2) { items { id } nextCursor } }`)).tickets;
    expect(old.items.map((i: any) => i.id)).toEqual(ticketIds.slice(0, 2));
    const rest = (
      await gqlOk(a.supervisor, `query($c: String) { tickets(cursor: $c) { items { id } nextCursor } }`, {
        c: old.nextCursor,
      })
    ).tickets;
    expect(rest).toEqual({ items: [{ id: ticketIds[2] }], nextCursor: null });
    const schema = await gqlOk(
      a.supervisor,
      `{ __type(name: "TicketPage") { fields(includeDeprecated: true) { name isDeprecated } } }`,
    );
    const deprecated = schema.__type.fields.filter((f: any) => f.isDeprecated).map((f: any) => f.name);
    expect(deprecated.sort()).toEqual(['items', 'nextCursor']);
  });

  it('giving both the new and the deprecated argument is VALIDATION_FAILED', async () => {
    const body = await a.supervisor.gql(`{ tickets(first: 1, limit: 2) { nodes { id } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('orderBy sorts as REST sort does, and its cursors page on in that order', async () => {
    const rest = await ok(a.supervisor.get('/v1/tickets?sort=-priority'));
    const first = (await gqlOk(a.supervisor, `{ tickets(orderBy: PRIORITY_DESC, first: 2) { ${page} } }`)).tickets;
    const next = (
      await gqlOk(
        a.supervisor,
        `query($after: String) { tickets(orderBy: PRIORITY_DESC, first: 2, after: $after) { nodes { id priority } } }`,
        { after: first.pageInfo.endCursor },
      )
    ).tickets;
    const ids = [...first.edges.map((e: any) => e.node.id), ...next.nodes.map((n: any) => n.id)];
    expect(ids).toEqual(rest.items.map((i: any) => i.id));
    expect(ids).toEqual([ticketIds[1], ticketIds[2], ticketIds[0]]);
  });
});

describe('node(id:)', () => {
  it('reads a ticket by its global id as ticket(id:) does, audited alike', async () => {
    const seen = new Set<string>();
    await newAuditEvents(t, a.tenantId, seen);
    const byId = await gqlOk(a.supervisor, `query($id: ID!) { ticket(id: $id) { id globalId subject } }`, {
      id: ticketIds[0],
    });
    const idEvents = (await newAuditEvents(t, a.tenantId, seen)).flatMap(touches);
    expect(byId.ticket.globalId).toBe(toGlobalId('Ticket', ticketIds[0]!));
    const data = await gqlOk(
      a.supervisor,
      `query($g: ID!) { node(id: $g) { __typename globalId ... on Ticket { id subject } } }`,
      {
        g: byId.ticket.globalId,
      },
    );
    expect(data.node).toEqual({ __typename: 'Ticket', ...byId.ticket });
    const nodeEvents = (await newAuditEvents(t, a.tenantId, seen)).flatMap(touches);
    expect(nodeEvents).toEqual(idEvents);
    expect(nodeEvents.some((e) => e.action === 'ticket.read' && e.id === ticketIds[0])).toBe(true);
  });

  it("another tenant's ticket is null with NOT_FOUND, as if it did not exist", async () => {
    const body = await b.supervisor.gql(`query($g: ID!) { node(id: $g) { globalId ... on Ticket { subject } } }`, {
      g: toGlobalId('Ticket', ticketIds[0]!),
    });
    expect(body.data).toEqual({ node: null });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(body)).not.toContain('Ticket 0');
  });

  it('an id that is not a global id is NOT_FOUND; a type the caller may not read is FORBIDDEN and audited', async () => {
    const junk = await a.supervisor.gql(`{ node(id: "not-a-global-id") { globalId } }`);
    expect(junk.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const raw = await a.supervisor.gql(`query($id: ID!) { node(id: $id) { globalId } }`, { id: ticketIds[0] });
    expect(raw.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const seen = new Set<string>();
    await newAuditEvents(t, a.tenantId, seen);
    const contact = await ok(a.supervisor.post('/v1/contacts', { name: 'Node Probe' }), 201);
    await newAuditEvents(t, a.tenantId, seen);
    const body = await ticketsOnly.gql(`query($g: ID!) { node(id: $g) { globalId } }`, {
      g: toGlobalId('Contact', contact.id),
    });
    expect(body).toMatchObject({ data: { node: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const denied = (await newAuditEvents(t, a.tenantId, seen)).filter((e) => e['outcome'] === 'denied');
    expect(denied.map((e) => [e['resource'].type, e['resource'].id])).toEqual([['Contact', contact.id]]);
  });

  it('answers the same once the document is compiled (mercurius runs a repeated document through graphql-jit)', async () => {
    const doc = `query($g: ID!) { node(id: $g) { __typename globalId } tickets(first: 1) { pageInfo { hasNextPage } } }`;
    const g = toGlobalId('Ticket', ticketIds[2]!);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await gqlOk(a.supervisor, doc, { g }));
    for (const answer of answers)
      expect(answer).toEqual({
        node: { __typename: 'Ticket', globalId: g },
        tickets: { pageInfo: { hasNextPage: true } },
      });
  });

  it('anonymous callers get UNAUTHENTICATED', async () => {
    const body = await client(t.app).gql(`query($g: ID!) { node(id: $g) { globalId } }`, {
      g: toGlobalId('Ticket', ticketIds[0]!),
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
