// Acceptance 2: ciphertext moved to another row, column or tenant, a flipped byte, a
// truncated value, or a value under a retired key fails to open, through the API, with
// a clear UNSEAL_FAILED problem (no values in it), an audited 'error' event naming the
// contact, field and reason kind, and never any wrong data.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import {
  auditEventsOf,
  createContact,
  eventually,
  operatorDeps,
  sampleContact,
  staffTenant,
  type ContactBody,
  type StaffTenant,
} from './helpers.js';

let t: TestApp;
let a: StaffTenant;
let b: StaffTenant;
const bodies = new Map<string, ContactBody>();

beforeAll(async () => {
  // a short key cache, so the app notices the retirement below the way a server would
  t = await startTestApp({ env: { KEY_CACHE_SECONDS: '1' } });
  [a, b] = [await staffTenant(t), await staffTenant(t)];
});
afterAll(async () => t?.close());

async function contactIn(tenant: StaffTenant): Promise<string> {
  const body = sampleContact();
  const { id } = await createContact(tenant.agent, body);
  bodies.set(id, body);
  return id;
}

const db = () => t.database.db;

/** GET must fail with UNSEAL_FAILED, leak nothing, and leave an audited error naming the field and reason. */
async function expectUnsealFailure(id: string, field: string, reason: string): Promise<void> {
  const res = await a.agent.get(`/v1/contacts/${id}`);
  expect(res.statusCode, res.body).toBe(500);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({
    code: 'UNSEAL_FAILED',
    status: 500,
    detail: 'A protected value could not be opened.',
  });
  for (const body of bodies.values())
    for (const v of [body.name, body.email!, body.mrn!, body.phone!]) expect(res.body).not.toContain(v);
  const gql = await a.agent.gql('query($id: ID!) { contact(id: $id) { id name email mrn } }', { id });
  expect(gql.data).toEqual({ contact: null });
  expect(gql.errors?.[0]?.extensions?.code).toBe('UNSEAL_FAILED');
  const events = await eventually(
    () => auditEventsOf(t, a.tenantId),
    (es) => es.filter((e) => e.subjectContactId === id && e.outcome === 'error').length >= 2,
  );
  const failures = events.filter((e) => e.subjectContactId === id && e.outcome === 'error');
  expect(failures.length).toBeGreaterThanOrEqual(2); // REST and GraphQL
  for (const e of failures)
    expect(e).toMatchObject({
      action: 'contact.read',
      resource: { type: 'Contact', id },
      phiFields: [field],
      reasonCode: `UNSEAL_FAILED:${reason}`,
    });
  // and no 'allowed' read of it was recorded: nothing was disclosed
  expect(
    events.filter((e) => e.subjectContactId === id && e.action === 'contact.read' && e.outcome === 'allowed'),
  ).toEqual([]);
}

describe('tampered ciphertext never opens', () => {
  it('a value moved to another row of the same column', async () => {
    const [from, to] = [await contactIn(a), await contactIn(a)];
    await sql`update contacts set mrn = (select mrn from contacts where id = ${from}) where id = ${to}`.execute(db());
    await expectUnsealFailure(to, 'contact.mrn', 'tampered');
    expect((await a.agent.get(`/v1/contacts/${from}`)).json().mrn).toBe(bodies.get(from)!.mrn); // the original still opens
  });

  it('a value moved to another column of the same row', async () => {
    const id = await contactIn(a);
    await sql`update contacts set phone = email where id = ${id}`.execute(db());
    await expectUnsealFailure(id, 'contact.phone', 'tampered');
  });

  it('a value moved in from another tenant', async () => {
    const [mine, theirs] = [await contactIn(a), await contactIn(b)];
    await sql`update contacts set name = (select name from contacts where id = ${theirs}) where id = ${mine}`.execute(
      db(),
    );
    await expectUnsealFailure(mine, 'contact.name', 'tampered');
  });

  it('a flipped byte', async () => {
    const id = await contactIn(a);
    await sql`update contacts set email = set_byte(email, length(email) - 3, get_byte(email, length(email) - 3) # 1) where id = ${id}`.execute(
      db(),
    );
    await expectUnsealFailure(id, 'contact.email', 'tampered');
  });

  it('a truncated value (and the database refuses one too short to be sealed at all)', async () => {
    const id = await contactIn(a);
    await sql`update contacts set date_of_birth = substring(date_of_birth from 1 for length(date_of_birth) - 4) where id = ${id}`.execute(
      db(),
    );
    await expectUnsealFailure(id, 'contact.dateOfBirth', 'tampered');
    await expect(
      sql`update contacts set name = substring(name from 1 for 20) where id = ${id}`.execute(db()),
    ).rejects.toThrow(/contacts_name_sealed/);
  });

  it('a header naming key version 0 (the blind-index root is never a data key)', async () => {
    const id = await contactIn(a);
    await sql`update contacts set address = overlay(address placing '\\x00000000'::bytea from 3 for 4) where id = ${id}`.execute(
      db(),
    );
    await expectUnsealFailure(id, 'contact.address', 'malformed');
  });

  it('lists and searches that meet a damaged row fail whole instead of returning partial or wrong data', async () => {
    const tenant = await staffTenant(t);
    const body = sampleContact();
    const { id } = await createContact(tenant.agent, body);
    await createContact(tenant.agent);
    await sql`update contacts set mrn = set_byte(mrn, 40, get_byte(mrn, 40) # 255) where id = ${id}`.execute(db());
    const list = await tenant.agent.get('/v1/contacts');
    expect(list.statusCode).toBe(500);
    expect(list.json().code).toBe('UNSEAL_FAILED');
    const search = await tenant.agent.post('/v1/contacts/search', { email: body.email });
    expect(search.statusCode).toBe(500);
    // a damaged field can be repaired by overwriting it: the patch does not need to open it
    const repaired = await tenant.agent.patch(`/v1/contacts/${id}`, { mrn: 'MRN-REPAIRED-1' });
    expect(repaired.statusCode, repaired.body).toBe(200);
    expect(repaired.json()).toMatchObject({ name: body.name, mrn: 'MRN-REPAIRED-1' });
  });
});

describe('a value under a retired key never opens', () => {
  it('fails with retired_key_version once the old version is retired', async () => {
    const tenant = await staffTenant(t);
    const { id } = await createContact(tenant.agent);
    const ops = operatorDeps(t);
    await ops.keyring.rotateTenantKey(tenant.tenantId);
    // bypass the refusal `keys retire` would give (values still use v1), as a mistake would
    await ops.keyring.retireVersion(tenant.tenantId, 1);
    await sleep(1100); // the app's key cache (KEY_CACHE_SECONDS=1) expires
    const res = await tenant.agent.get(`/v1/contacts/${id}`);
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('UNSEAL_FAILED');
    const events = await eventually(
      () => auditEventsOf(t, tenant.tenantId),
      (es) => es.some((e) => e.outcome === 'error'),
    );
    expect(events.find((e) => e.outcome === 'error')).toMatchObject({
      subjectContactId: id,
      reasonCode: 'UNSEAL_FAILED:retired_key_version',
    });
    // new writes use v2 and open fine
    const fresh = await createContact(tenant.agent);
    expect((await tenant.agent.get(`/v1/contacts/${fresh.id}`)).statusCode).toBe(200);
    ops.keyring.clear();
  });
});

describe('logs', () => {
  it('never contain a value of any contact, even after all these failures', () => {
    for (const body of bodies.values()) {
      for (const v of [body.name, body.email!, body.mrn!, body.phone!, body.healthPlanMemberId!])
        expect(t.logs.text).not.toContain(v);
    }
    expect(t.logs.text).toMatch(/UNSEAL_FAILED/);
  });
});
