// Business Associate Agreements: a per-tenant registry managed by tenant admins and
// privacy officers over REST and GraphQL, audited, invisible to other tenants and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { desk, gqlCode, gqlOk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let officer: Client;

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
}, 60_000);
afterAll(async () => t?.close());

const body = {
  counterparty: 'Acme Claims LLC',
  scope: 'Claims processing',
  effectiveOn: '2026-01-01',
  expiresOn: '2099-01-01',
  documentRef: 'contracts/acme.pdf',
};

describe('Business Associate Agreements over REST', () => {
  it('a privacy officer registers, reads, changes and terminates one; each step audited', async () => {
    const created = await ok(officer.post('/v1/business-associate-agreements', body), 201);
    expect(created).toMatchObject({ ...body, inForce: true, terminatedAt: null });
    expect(await ok(d.admin.get(`/v1/business-associate-agreements/${created.id}`))).toMatchObject(body);
    const patched = await ok(
      d.admin.patch(`/v1/business-associate-agreements/${created.id}`, { effectiveOn: '2098-01-01' }),
    );
    expect(patched.inForce).toBe(false); // not yet effective
    await ok(d.admin.patch(`/v1/business-associate-agreements/${created.id}`, { effectiveOn: '2026-01-01' }));
    const ended = await ok(officer.post(`/v1/business-associate-agreements/${created.id}/terminate`));
    expect(ended.inForce).toBe(false);
    expect(ended.terminatedAt).toBeTruthy();
    const list = await ok(officer.get('/v1/business-associate-agreements'));
    expect(list.items.map((a: { id: string }) => a.id)).toContain(created.id);

    const events = (await auditEvents(t.database.db, d.tenantId)).flatMap(touches).filter((e) => e.id === created.id);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['baa.create', 'baa.read', 'baa.update']));
  });

  it('refuses bad dates, and other roles and tenants', async () => {
    await ok(d.admin.post('/v1/business-associate-agreements', { ...body, expiresOn: '2025-01-01' }), 400);
    await ok(d.admin.post('/v1/business-associate-agreements', { ...body, effectiveOn: 'soon' }), 400);
    const created = await ok(d.admin.post('/v1/business-associate-agreements', body), 201);
    await ok(d.supervisor.get('/v1/business-associate-agreements'), 403);
    await ok(d.supervisor.post('/v1/business-associate-agreements', body), 403);
    await ok(other.admin.get(`/v1/business-associate-agreements/${created.id}`), 404);
    const theirs = await ok(other.admin.get('/v1/business-associate-agreements'));
    expect(theirs.items).toEqual([]);
  });
});

describe('Business Associate Agreements over GraphQL', () => {
  it('the same service: create, list, update, terminate', async () => {
    const created = await gqlOk(
      d.admin,
      `mutation($input: CreateBusinessAssociateAgreementInput!) {
        createBusinessAssociateAgreement(input: $input) { id counterparty effectiveOn expiresOn inForce } }`,
      { input: body },
    );
    const id = created.createBusinessAssociateAgreement.id;
    expect(created.createBusinessAssociateAgreement).toMatchObject({ counterparty: body.counterparty, inForce: true });
    const updated = await gqlOk(
      officer,
      `mutation($id: ID!) { updateBusinessAssociateAgreement(id: $id, input: { scope: "Billing" }) { scope } }`,
      { id },
    );
    expect(updated.updateBusinessAssociateAgreement.scope).toBe('Billing');
    const ended = await gqlOk(
      officer,
      `mutation($id: ID!) { terminateBusinessAssociateAgreement(id: $id) { inForce terminatedAt } }`,
      { id },
    );
    expect(ended.terminateBusinessAssociateAgreement.inForce).toBe(false);
    const page = await gqlOk(d.admin, '{ businessAssociateAgreements(limit: 100) { items { id } } }');
    expect(page.businessAssociateAgreements.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(
      await gqlCode(
        d.admin,
        `mutation { createBusinessAssociateAgreement(input: { counterparty: "X", scope: "Y", effectiveOn: "2026-13-45" }) { id } }`,
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await gqlCode(d.supervisor, '{ businessAssociateAgreements { items { id } } }')).toBe('FORBIDDEN');
  });
});
