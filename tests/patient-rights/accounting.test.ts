// Issue 16, acceptance 2 (45 CFR 164.528): the accounting report for a patient lists a
// PHI-bearing webhook delivery (to an endpoint under a Business Associate Agreement in
// force, delivered to a receiver on 127.0.0.1), an access-request fulfilment and a manual
// disclosure, and leaves out a treatment disclosure with its reason shown; it is empty for
// a patient with none; the first accounting in 12 months is free, the next is chargeable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { canary, gqlOk, ok } from '../tickets/helpers.js';
import { Receiver, startWebhookApp, until } from '../webhooks/helpers.js';
import { rightsDesk, type RightsDesk } from './helpers.js';

let t: TestApp;
let d: RightsDesk;
const receiver = new Receiver();

beforeAll(async () => {
  t = await startWebhookApp();
  d = await rightsDesk(t);
  await receiver.start();
}, 60_000);
afterAll(async () => {
  await receiver.stop();
  await t?.close();
});

type Entry = { source: string; purpose: string; recipient: string | null; description: string | null };

describe('the accounting of disclosures', () => {
  it('lists webhook, access-request and manual disclosures; shows the treatment one as excluded', async () => {
    const baa = await ok(
      d.officer.post('/v1/business-associate-agreements', {
        counterparty: 'Acme Claims LLC',
        scope: 'Claims',
        effectiveOn: '2026-01-01',
      }),
      201,
    );
    await ok(
      d.admin.post('/v1/webhook-endpoints', { url: receiver.url, eventTypes: ['ticket.created'], baaId: baa.id }),
      201,
    );
    const contact = await ok(d.supervisor.post('/v1/contacts', { name: canary('PATNAME') }), 201);
    const subject = canary('SUBJECT');
    await ok(d.supervisor.post('/v1/tickets', { subject, requesterId: contact.id }), 201);
    // the delivery carried PHI: its disclosure record was written before it left
    await until(
      () => receiver.accepted().size,
      (n) => n >= 1,
    );
    expect(JSON.parse([...receiver.accepted().values()][0]!.body).data.phi).toEqual({ subject });
    const recorded = await ok(d.officer.get(`/v1/disclosures?contactId=${contact.id}`));
    expect(recorded.items).toEqual([
      expect.objectContaining({
        source: 'webhook',
        purpose: 'business_associate',
        exclusion: null,
        recipient: 'Acme Claims LLC',
        recipientAddress: receiver.url,
      }),
    ]);
    expect(recorded.items[0].description).not.toContain(subject);

    // an access request fulfilled: a disclosure to the individual
    const access = await ok(
      d.officer.post('/v1/access-requests', { contactId: contact.id, verificationMethod: 'government_id' }),
      201,
    );
    await ok(d.officer.post(`/v1/access-requests/${access.id}/fulfil`));

    // by hand: one the accounting lists, one it leaves out (treatment)
    const authority = canary('AUTHORITY');
    const manual = await ok(
      d.officer.post('/v1/disclosures', {
        contactId: contact.id,
        disclosedAt: new Date(Date.now() - 86_400_000).toISOString(),
        recipient: authority,
        recipientAddress: canary('ADDRESS'),
        description: canary('DESCRIPTION'),
        purpose: 'public_health',
      }),
      201,
    );
    expect(manual.exclusion).toBeNull();
    const treatment = await ok(
      d.officer.post('/v1/disclosures', {
        contactId: contact.id,
        disclosedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        recipient: canary('CLINIC'),
        description: canary('REFERRAL'),
        purpose: 'treatment',
      }),
      201,
    );
    expect(treatment.exclusion).toBe('treatment');

    const request = await ok(d.officer.post('/v1/accounting-requests', { contactId: contact.id }), 201);
    expect(request).toMatchObject({ status: 'open', chargeable: false, timing: 'on_time' });
    expect(Date.parse(request.dueAt) - Date.parse(request.requestedAt)).toBe(60 * 86_400_000);
    const report = await ok(d.officer.get(`/v1/accounting-requests/${request.id}/report`));
    expect(report.disclosures.map((x: Entry) => x.source).sort()).toEqual(['access_request', 'manual', 'webhook']);
    expect(report.disclosures.find((x: Entry) => x.source === 'manual')).toMatchObject({
      recipient: authority,
      purpose: 'public_health',
    });
    expect(report.excluded).toEqual([
      expect.objectContaining({ id: treatment.id, purpose: 'treatment', exclusion: 'treatment' }),
    ]);
    expect(new Date(report.periodStart).getUTCFullYear()).toBe(new Date(request.requestedAt).getUTCFullYear() - 6);

    // produced: the request closes with the same report
    const produced = await ok(d.officer.post(`/v1/accounting-requests/${request.id}/fulfil`));
    expect(produced.disclosures.map((x: Entry) => x.source).sort()).toEqual(['access_request', 'manual', 'webhook']);
    expect(produced.excluded).toHaveLength(1);
    await ok(d.officer.post(`/v1/accounting-requests/${request.id}/fulfil`), 409);
    expect((await ok(d.officer.get(`/v1/accounting-requests/${request.id}`))).status).toBe('fulfilled');

    // a second accounting within 12 months is flagged chargeable
    const again = await ok(d.officer.post('/v1/accounting-requests', { contactId: contact.id }), 201);
    expect(again.chargeable).toBe(true);

    // a tenant admin sees the report's shape, not the recipients
    const masked = await ok(d.admin.get(`/v1/accounting-requests/${request.id}/report`));
    expect(masked.disclosures.every((x: Entry & { masked: boolean }) => x.masked && x.recipient === null)).toBe(true);

    // GraphQL gives the same report
    const gql = await gqlOk(
      d.officer,
      `query($id: ID!) { accountingReport(id: $id) { disclosures { source } excluded { exclusion } } }`,
      { id: request.id },
    );
    expect(gql.accountingReport.disclosures).toHaveLength(3);
    expect(gql.accountingReport.excluded).toEqual([{ exclusion: 'treatment' }]);

    const trail = JSON.stringify(await auditEvents(t.database.db, d.tenantId));
    expect(trail).not.toContain(authority);
    expect(t.logs.text).not.toContain(authority);
  }, 60_000);

  it('is empty for a patient with no disclosures', async () => {
    const contact = await ok(d.supervisor.post('/v1/contacts', { name: canary('QUIET') }), 201);
    const request = await ok(d.officer.post('/v1/accounting-requests', { contactId: contact.id }), 201);
    const report = await ok(d.officer.get(`/v1/accounting-requests/${request.id}/report`));
    expect(report).toMatchObject({ contactId: contact.id, disclosures: [], excluded: [], chargeable: false });
  });

  it('refuses the wrong role (403), bad input (400) and unknown ids (404)', async () => {
    const contact = await ok(d.supervisor.post('/v1/contacts', { name: canary('REFUSED') }), 201);
    await ok(d.supervisor.post('/v1/accounting-requests', { contactId: contact.id }), 403);
    await ok(d.admin.post('/v1/disclosures', { contactId: contact.id }), 403);
    const bad = {
      contactId: contact.id,
      disclosedAt: 'yesterday',
      recipient: 'x',
      description: 'y',
      purpose: 'public_health',
    };
    await ok(d.officer.post('/v1/disclosures', bad), 400);
    await ok(
      d.officer.post('/v1/disclosures', { ...bad, disclosedAt: '2026-01-01T00:00:00Z', purpose: 'gossip' }),
      400,
    );
    await ok(
      d.officer.post('/v1/disclosures', {
        ...bad,
        disclosedAt: new Date(Date.now() + 86_400_000 * 10).toISOString(),
      }),
      400,
    );
    await ok(d.officer.get('/v1/disclosures'), 400);
    await ok(d.officer.get('/v1/accounting-requests/00000000-0000-4000-8000-000000000000'), 404);
    await ok(d.officer.get('/v1/accounting-requests/00000000-0000-4000-8000-000000000000/report'), 404);
  });
});
