// Minimum necessary on webhooks (issue 18, 45 CFR 164.502(b)): each endpoint lists the PHI
// fields its deliveries may carry under an agreement in force. An endpoint listing only
// `subject` receives the subject and never the comment body: the body is not sent, not in
// the accounting of disclosures and not in the audit trail's phiFields. An empty list sends
// no PHI at all and records no disclosure. Unknown names are 422, naming each and the
// allowed values; REST and GraphQL set and show the list alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { canary, desk, gqlCode, gqlOk, ok, type Desk } from '../tickets/helpers.js';
import { Receiver, receiverPool, startWebhookApp, until } from './helpers.js';

let t: TestApp;
let d: Desk;
let officer: Client;
let baaId: string;
const receivers = receiverPool();

beforeAll(async () => {
  t = await startWebhookApp();
  d = await desk(t);
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  baaId = (
    await ok(
      officer.post('/v1/business-associate-agreements', {
        counterparty: 'Acme Claims LLC',
        scope: 'Claims',
        effectiveOn: '2026-01-01',
      }),
      201,
    )
  ).id;
}, 60_000);
afterAll(async () => {
  await receivers.stopAll();
  await t?.close();
});

const receiver = (): Promise<Receiver> => receivers.start();

const types = ['ticket.created', 'comment.added'];

describe('setting the PHI fields of an endpoint', () => {
  it('defaults to both, is set on create and PATCH, and is shown on reads (REST)', async () => {
    const r = await receiver();
    const plain = await ok(d.admin.post('/v1/webhook-endpoints', { url: r.url, eventTypes: types, baaId }), 201);
    expect(plain.endpoint.phiFields).toEqual(['subject', 'commentBody']);
    const narrow = await ok(
      d.admin.post('/v1/webhook-endpoints', { url: r.url, eventTypes: types, baaId, phiFields: ['subject'] }),
      201,
    );
    expect(narrow.endpoint.phiFields).toEqual(['subject']);
    const id = narrow.endpoint.id;
    expect((await ok(d.admin.get(`/v1/webhook-endpoints/${id}`))).phiFields).toEqual(['subject']);
    // order and repeats do not matter: stored in the one order, once each
    const both = await ok(
      d.admin.patch(`/v1/webhook-endpoints/${id}`, { phiFields: ['commentBody', 'subject', 'subject'] }),
    );
    expect(both.phiFields).toEqual(['subject', 'commentBody']);
    expect((await ok(d.admin.patch(`/v1/webhook-endpoints/${id}`, { phiFields: [] }))).phiFields).toEqual([]);
    const listed = await ok(d.admin.get('/v1/webhook-endpoints?limit=100'));
    expect(listed.items.find((e: { id: string }) => e.id === id).phiFields).toEqual([]);
    // a privacy officer (read only) sees it and cannot change it
    expect((await ok(officer.get(`/v1/webhook-endpoints/${id}`))).phiFields).toEqual([]);
    await ok(officer.patch(`/v1/webhook-endpoints/${id}`, { phiFields: ['subject'] }), 403);
    // another tenant's admin neither sees nor changes it
    const stranger = await desk(t);
    await ok(stranger.admin.get(`/v1/webhook-endpoints/${id}`), 404);
    await ok(stranger.admin.patch(`/v1/webhook-endpoints/${id}`, { phiFields: ['subject', 'commentBody'] }), 404);
    expect((await ok(d.admin.get(`/v1/webhook-endpoints/${id}`))).phiFields).toEqual([]);
  });

  it('refuses an unknown field with 422 problem+json naming the pointer and the allowed values', async () => {
    const r = await receiver();
    const res = await d.admin.post('/v1/webhook-endpoints', {
      url: r.url,
      eventTypes: types,
      baaId,
      phiFields: ['subject', 'dateOfBirth'],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'UNPROCESSABLE',
      type: 'https://phidesk.dev/problems/unprocessable',
      errors: [
        { pointer: '/phiFields/1', detail: 'must be one of the PHI fields', allowed: ['subject', 'commentBody'] },
      ],
    });
    expect(res.body).not.toContain('dateOfBirth');
    const created = await ok(d.admin.post('/v1/webhook-endpoints', { url: r.url, eventTypes: types }), 201);
    const patched = await d.admin.patch(`/v1/webhook-endpoints/${created.endpoint.id}`, { phiFields: ['mrn'] });
    expect(patched.statusCode, patched.body).toBe(422);
    expect(patched.json().errors).toEqual([expect.objectContaining({ pointer: '/phiFields/0' })]);
    // nothing changed
    expect((await ok(d.admin.get(`/v1/webhook-endpoints/${created.endpoint.id}`))).phiFields).toEqual([
      'subject',
      'commentBody',
    ]);
  });

  it('GraphQL sets and shows the same list, and refuses an unknown field as UNPROCESSABLE', async () => {
    const r = await receiver();
    const created = await gqlOk(
      d.admin,
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id phiFields } } }`,
      { input: { url: r.url, eventTypes: types, baaId, phiFields: ['commentBody'] } },
    );
    const id = created.createWebhookEndpoint.endpoint.id;
    expect(created.createWebhookEndpoint.endpoint.phiFields).toEqual(['commentBody']);
    const updated = await gqlOk(
      d.admin,
      `mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { phiFields: [] }) { phiFields } }`,
      { id },
    );
    expect(updated.updateWebhookEndpoint.phiFields).toEqual([]);
    const read = await gqlOk(d.admin, `query($id: ID!) { webhookEndpoint(id: $id) { phiFields } }`, { id });
    expect(read.webhookEndpoint.phiFields).toEqual([]);
    expect(
      await gqlCode(
        d.admin,
        `mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { phiFields: ["ssn"] }) { phiFields } }`,
        { id },
      ),
    ).toBe('UNPROCESSABLE');
  });
});

describe('deliveries carry only the listed fields', () => {
  it('["subject"]: the subject only; the comment body is not sent, not accounted, not audited', async () => {
    // only this test's two endpoints receive (the ones above carry both fields)
    for (const e of (await ok(d.admin.get('/v1/webhook-endpoints?limit=100'))).items)
      await ok(d.admin.delete(`/v1/webhook-endpoints/${e.id}`), 204);
    const narrow = await receiver();
    const none = await receiver();
    const a = await ok(
      d.admin.post('/v1/webhook-endpoints', { url: narrow.url, eventTypes: types, baaId, phiFields: ['subject'] }),
      201,
    );
    const b = await ok(
      d.admin.post('/v1/webhook-endpoints', { url: none.url, eventTypes: types, baaId, phiFields: [] }),
      201,
    );
    const contact = await ok(d.supervisor.post('/v1/contacts', { name: canary('NAME') }), 201);
    const subject = canary('SUBJECT');
    const body = canary('COMMENTBODY');
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject, requesterId: contact.id }), 201);
    await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body, public: false }), 201);
    await until(
      () => narrow.accepted().size + none.accepted().size,
      (n) => n >= 4,
    );

    // the narrow endpoint: the subject on both events, never the body
    const got = [...narrow.accepted().values()].map((x) => Receiver.verify(a.secret, x));
    expect(got.find((g) => g.type === 'ticket.created')!.data['phi']).toEqual({ subject });
    expect(got.find((g) => g.type === 'comment.added')!.data['phi']).toEqual({ subject });
    for (const x of narrow.arrivals) expect(x.body).not.toContain(body);
    // the empty list: the events, with no phi key at all
    const bare = [...none.accepted().values()].map((x) => Receiver.verify(b.secret, x));
    expect(bare.map((g) => g.type).sort()).toEqual([...types].sort());
    for (const g of bare) expect(g.data).not.toHaveProperty('phi');
    for (const x of none.arrivals) expect(x.body).not.toContain('CANARY');
    const attempts = await ok(d.admin.get(`/v1/webhook-endpoints/${b.endpoint.id}/attempts`));
    expect(attempts.items.map((x: { carriedPhi: boolean }) => x.carriedPhi)).toEqual([false, false]);

    // the accounting of disclosures: the narrow endpoint's deliveries, naming the subject only;
    // none for the endpoint that carries no PHI
    const accounting = await ok(officer.get(`/v1/disclosures?contactId=${contact.id}`));
    const webhook = accounting.items.filter((e: { source: string }) => e.source === 'webhook');
    expect(webhook).toHaveLength(2);
    for (const e of webhook) {
      expect(e.recipientAddress).toBe(narrow.url);
      expect(e.description).toContain('ticket.subject');
      expect(e.description).not.toContain('comment.body');
    }
    expect(JSON.stringify(accounting)).not.toContain(body);

    // the audit trail: disclosures of the subject only, from the narrow endpoint only
    const events = await auditEvents(t.database.db, d.tenantId);
    const disclosed = events.filter((e) => e['action'] === 'webhook.disclose');
    expect(disclosed.filter((e) => String(e['reasonCode']).includes(b.endpoint.id))).toEqual([]);
    const mine = disclosed.filter((e) => e['reasonCode'] === `endpoint:${a.endpoint.id} baa:${baaId}`);
    expect(mine.length).toBe(2);
    expect(mine.flatMap((e) => e['phiFields'])).toEqual(['ticket.subject', 'ticket.subject']);
    expect(JSON.stringify(events)).not.toContain(body);
    expect(JSON.stringify(events)).not.toContain(subject);
    expect(t.logs.text).not.toContain('CANARY');
  }, 60_000);
});
