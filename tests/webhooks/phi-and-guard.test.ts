// PHI leaves only under a Business Associate Agreement in force at delivery time (and its
// disclosure is in the audit trail first); a refused address is refused at registration
// and, when a name later resolves there, at delivery, without connecting; secrets rotate
// with an overlap in which both verify; an endpoint failing too often is disabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostLookup } from '../../src/net/url-guard.js';
import type { TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { canary, desk, gqlOk, ok, type Desk } from '../tickets/helpers.js';
import { Receiver, receiverPool, startWebhookApp, until } from './helpers.js';

// The only names this test resolves; nothing here ever connects beyond 127.0.0.1.
const dns = new Map<string, string>([['metadata.partner.example', '169.254.169.254']]);
const lookup: HostLookup = async (host) => {
  const address = dns.get(host);
  if (!address) throw new Error(`ENOTFOUND ${host}`);
  return [{ address, family: 4 }];
};

let t: TestApp;
let d: Desk;
let officer: Client;
const receivers = receiverPool();

beforeAll(async () => {
  t = await startWebhookApp({ lookup, env: { WEBHOOK_DISABLE_AFTER_FAILURES: '3', WEBHOOK_MAX_ATTEMPTS: '2' } });
  d = await desk(t);
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
}, 60_000);
afterAll(async () => {
  await receivers.stopAll();
  await t?.close();
});

const receiver = (): Promise<Receiver> => receivers.start();

const agreement = { counterparty: 'Acme Claims LLC', scope: 'Claims', effectiveOn: '2026-01-01' };

describe('PHI and Business Associate Agreements', () => {
  it('an endpoint under an agreement in force gets the PHI, audited first; without one, or once it ends, ids only', async () => {
    const baa = await ok(officer.post('/v1/business-associate-agreements', agreement), 201);
    const covered = await receiver();
    const bare = await receiver();
    const types = ['ticket.created', 'comment.added'];
    const a = await ok(
      d.admin.post('/v1/webhook-endpoints', { url: covered.url, eventTypes: types, baaId: baa.id }),
      201,
    );
    await ok(d.admin.post('/v1/webhook-endpoints', { url: bare.url, eventTypes: types }), 201);
    const contact = await ok(d.supervisor.post('/v1/contacts', { name: canary('NAME'), mrn: 'MRN-9' }), 201);
    const subject = canary('SUBJECT');
    const body = canary('BODY');
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject, requesterId: contact.id }), 201);
    await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body, public: false }), 201);
    await until(
      () => covered.accepted().size + bare.accepted().size,
      (n) => n >= 4,
    );
    const got = [...covered.accepted().values()].map((x) => Receiver.verify(a.secret, x));
    expect(got.find((g) => g.type === 'ticket.created')!.data['phi']).toEqual({ subject });
    expect(got.find((g) => g.type === 'comment.added')!.data['phi']).toEqual({ subject, commentBody: body });
    for (const x of bare.arrivals) expect(x.body).not.toContain('CANARY');
    // the disclosure is in the trail: recipient, agreement, patient, fields; never the values
    const disclosures = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['action'] === 'webhook.disclose',
    );
    expect(disclosures.length).toBeGreaterThanOrEqual(2);
    expect(disclosures[0]).toMatchObject({
      subjectContactId: contact.id,
      reasonCode: `endpoint:${a.endpoint.id} baa:${baa.id}`,
    });
    expect(disclosures.flatMap((e) => e['phiFields'])).toEqual(
      expect.arrayContaining(['ticket.subject', 'comment.body']),
    );
    expect(JSON.stringify(disclosures)).not.toContain('CANARY');

    // the agreement ends: PHI stops with the very next delivery
    await ok(officer.post(`/v1/business-associate-agreements/${baa.id}/terminate`));
    const before = covered.arrivals.length;
    await ok(d.supervisor.post('/v1/tickets', { subject: canary('LATER'), requesterId: contact.id }), 201);
    await until(
      () => covered.arrivals.length,
      (n) => n > before,
    );
    expect(covered.arrivals.at(-1)!.body).not.toContain('CANARY');
    expect(JSON.parse(covered.arrivals.at(-1)!.body).data.phi).toBeUndefined();
    expect(t.logs.text).not.toContain('CANARY');
  }, 60_000);
});

describe('the outbound-URL guard', () => {
  it('refuses a forbidden address at registration, as an address or as a name resolving there', async () => {
    for (const url of ['http://169.254.169.254/latest', 'https://metadata.partner.example/hook', 'ftp://127.0.0.1/x'])
      await ok(d.admin.post('/v1/webhook-endpoints', { url, eventTypes: ['ticket.created'] }), 422);
    const refusals = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['action'] === 'webhook_endpoint.create' && e['outcome'] === 'denied',
    );
    expect(refusals.length).toBe(3);
  });

  it('refuses at delivery when the name later resolves to a forbidden address, without connecting', async () => {
    dns.set('hooks.partner.example', '127.0.0.1');
    const r = await receiver();
    const url = `http://hooks.partner.example:${r.port}/hook`;
    // http to a name is refused (https only, except loopback literals in development)...
    await ok(d.admin.post('/v1/webhook-endpoints', { url, eventTypes: ['ticket.created'] }), 422);
    // ...so the name is registered over https while it resolves to an allowed address
    const created = await ok(
      d.admin.post('/v1/webhook-endpoints', {
        url: `https://hooks.partner.example:${r.port}/hook`,
        eventTypes: ['ticket.created'],
      }),
      201,
    );
    dns.set('hooks.partner.example', '169.254.169.254'); // the name now points at cloud metadata
    await ok(d.supervisor.post('/v1/tickets', { subject: 'Routine' }), 201);
    const attempts = await until(
      async () => (await ok(d.admin.get(`/v1/webhook-endpoints/${created.endpoint.id}/attempts`))).items,
      (items: Array<{ error: string | null }>) => items.length > 0,
    );
    expect(attempts[0]).toMatchObject({ error: 'url_refused', statusCode: null, carriedPhi: false });
    expect(r.arrivals).toEqual([]);
  }, 30_000);
});

describe('secret rotation and failing endpoints', () => {
  it('during the overlap a delivery verifies with the old secret and with the new one', async () => {
    const r = await receiver();
    const created = await ok(
      d.admin.post('/v1/webhook-endpoints', { url: r.url, eventTypes: ['ticket.created'] }),
      201,
    );
    const rotated = await gqlOk(
      d.admin,
      `mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapMinutes: 60) { secret endpoint { id } } }`,
      { id: created.endpoint.id },
    );
    const fresh = rotated.rotateWebhookSecret.secret;
    expect(fresh).not.toBe(created.secret);
    await ok(d.supervisor.post('/v1/tickets', { subject: 'Rotation' }), 201);
    const [arrival] = (
      await until(
        () => r.accepted(),
        (m) => m.size >= 1,
      )
    ).values();
    expect(Receiver.verify(created.secret, arrival!).type).toBe('ticket.created');
    expect(Receiver.verify(fresh, arrival!).type).toBe('ticket.created');
    expect(String(arrival!.headers['webhook-signature']).split(' ')).toHaveLength(2);
  }, 30_000);

  it('an endpoint failing too many times in a row is disabled, audited and announced', async () => {
    const failing = await receiver();
    failing.answer = () => 503;
    const watcher = await receiver();
    const dead = await ok(
      d.admin.post('/v1/webhook-endpoints', { url: failing.url, eventTypes: ['ticket.created'] }),
      201,
    );
    await ok(
      d.admin.post('/v1/webhook-endpoints', { url: watcher.url, eventTypes: ['webhook_endpoint.disabled'] }),
      201,
    );
    await ok(d.supervisor.post('/v1/tickets', { subject: 'One' }), 201);
    await ok(d.supervisor.post('/v1/tickets', { subject: 'Two' }), 201);
    const endpoint = await until(
      async () => ok(d.admin.get(`/v1/webhook-endpoints/${dead.endpoint.id}`)),
      (e: { enabled: boolean; disabledReason: string | null }) => !e.enabled,
    );
    expect(endpoint.disabledReason).toMatch(/in a row/);
    // other tests' endpoints (receivers closed since) may be disabled and announced too
    const isDeads = (m: { body: string }) => JSON.parse(m.body)?.data?.endpointId === dead.endpoint.id;
    const told = [
      ...(
        await until(
          () => watcher.accepted(),
          (m) => [...m.values()].some(isDeads),
        )
      ).values(),
    ].find(isDeads);
    expect(JSON.parse(told!.body)).toMatchObject({
      type: 'webhook_endpoint.disabled',
      data: { endpointId: dead.endpoint.id },
    });
    const events = await auditEvents(t.database.db, d.tenantId);
    expect(events.some((e) => e['action'] === 'webhook_endpoint.disable')).toBe(true);
  }, 30_000);
});
