// The contact routes and openapi.yaml agree on shapes: every contact operation is called
// for real (masked and unmasked, merge patch, search, errors, an UNSEAL_FAILED problem),
// and each response is validated with ajv against the schema documented for its status
// and content type ($refs resolved, objects closed so undocumented fields fail), with its
// documented headers (Location, ETag); accepted request bodies and query strings must
// satisfy the documented schemas too. (call() and the checks are openapi-harness.ts.)
// Route coverage (every served route documented, nothing phantom) is openapi-routes.test.ts.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, tenantActors, operationsUnder, uncheckedSuccesses, type Json } from './openapi-harness.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/actors.js';

let t: TestApp;
let admin: Client;
let supervisor: Client;
let agent: Client;
let anon: Client;
let noAbilities: Client;

beforeAll(async () => {
  t = await startTestApp();
  const { key, ...callers } = await tenantActors(t);
  ({ admin, anon } = callers);
  supervisor = await key(['supervisor']);
  agent = await key(['agent']);
  noAbilities = await key(['integration']);
});
afterAll(async () => t?.close());

describe('contact responses match their documented schemas', () => {
  it('create, read (masked and not), list, patch, search, delete, and the error answers', async () => {
    const body = {
      name: 'Ana Schema',
      email: 'ana.schema@example.org',
      phone: '+1 (555) 010-2233',
      dateOfBirth: '1980-02-29',
      address: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
      mrn: 'E-004127',
      healthPlanMemberId: 'HP123',
      externalIds: [{ system: 'fhir', value: 'Patient/77' }],
    };
    const created = await call({ as: agent, method: 'POST', url: '/v1/contacts', body, expect: 201 });
    const id = created.json().id as string;
    expect(created.headers['location']).toBe(`/v1/contacts/${id}`);
    expect(created.headers['etag']).toBe('"v1"');
    await call({ as: agent, method: 'POST', url: '/v1/contacts', body: { name: 'Min Imal' }, expect: 201 });
    // identity verification (issue 18): recorded, listed, revoked, each as documented
    const verified = await call({
      as: agent,
      method: 'POST',
      url: `/v1/contacts/${id}/verifications`,
      body: { method: 'government_id' },
      expect: 201,
    });
    await call({ as: agent, method: 'GET', url: `/v1/contacts/${id}/verifications`, expect: 200 });
    await call({
      as: supervisor,
      method: 'POST',
      url: `/v1/contact-verifications/${verified.json().id as string}/revoke`,
      expect: 200,
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/contacts',
      body: { ...body, colour: 'blue' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/contacts',
      body: { ...body, email: 'not-an-email' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/contacts',
      body: { ...body, dateOfBirth: '1981-02-29' },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({ as: admin, method: 'POST', url: '/v1/contacts', body, expect: 403, code: 'FORBIDDEN' });
    await call({ as: anon, method: 'POST', url: '/v1/contacts', body, expect: 401, code: 'UNAUTHENTICATED' });

    const read = await call({ as: agent, method: 'GET', url: `/v1/contacts/${id}`, expect: 200 });
    expect(read.json()).toMatchObject({ ...body, masked: false });
    const masked = await call({ as: admin, method: 'GET', url: `/v1/contacts/${id}`, expect: 200 });
    expect(masked.json()).toMatchObject({ masked: true, name: null, externalIds: null });
    await call({ as: agent, method: 'GET', url: `/v1/contacts/${randomUUID()}`, expect: 404, code: 'NOT_FOUND' });
    await call({ as: agent, method: 'GET', url: '/v1/contacts/not-a-uuid', expect: 400, code: 'VALIDATION_FAILED' });
    await call({ as: noAbilities, method: 'GET', url: `/v1/contacts/${id}`, expect: 403, code: 'FORBIDDEN' });

    const page = await call({ as: agent, method: 'GET', url: '/v1/contacts?limit=1', expect: 200 });
    await call({ as: admin, method: 'GET', url: `/v1/contacts?limit=1&cursor=${page.json().nextCursor}`, expect: 200 });
    await call({
      as: agent,
      method: 'GET',
      url: '/v1/contacts?limit=0',
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });

    const patch = { email: null, address: { line2: 'Apt 2', postalCode: null }, externalIds: [] };
    const patched = await call({
      as: agent,
      method: 'PATCH',
      url: `/v1/contacts/${id}`,
      body: patch,
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': '"v1"' },
      expect: 200,
    });
    expect(patched.headers['etag']).toBe('"v2"');
    expect(patched.json()).toMatchObject({
      email: null,
      externalIds: [],
      address: { line1: '1 Main St', line2: 'Apt 2' },
    });
    await call({
      as: agent,
      method: 'PATCH',
      url: `/v1/contacts/${id}`,
      body: { mrn: 'X1' },
      headers: { 'if-match': '"v1"' },
      expect: 412,
      code: 'PRECONDITION_FAILED',
    });
    await call({
      as: agent,
      method: 'PATCH',
      url: `/v1/contacts/${id}`,
      body: {},
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'PATCH',
      url: `/v1/contacts/${id}`,
      body: { name: null },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'PATCH',
      url: `/v1/contacts/${randomUUID()}`,
      body: { mrn: 'X1' },
      expect: 404,
      code: 'NOT_FOUND',
    });

    const found = await call({
      as: agent,
      method: 'POST',
      url: '/v1/contacts/search',
      body: { mrn: 'e004127' },
      expect: 200,
    });
    expect(found.json().items.map((c: Json) => c.id)).toEqual([id]);
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/contacts/search',
      body: { dateOfBirth: '1980-2-29', name: 'ANA  SCHEMA' },
      expect: 200,
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/contacts/search',
      body: { mrn: 'E-004127', phone: '5550102233' },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/contacts/search',
      body: { ssn: '123' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/contacts/search',
      body: { mrn: 'E-004127' },
      expect: 403,
      code: 'FORBIDDEN',
    });

    // a damaged value: the documented 500 problem
    const { id: broken } = (await agent.post('/v1/contacts', { name: 'Broken Value' })).json();
    await sql`update contacts set name = set_byte(name, 40, get_byte(name, 40) # 1) where id = ${broken}`.execute(
      t.database.db,
    );
    await call({ as: agent, method: 'GET', url: `/v1/contacts/${broken}`, expect: 500, code: 'UNSEAL_FAILED' });

    await call({ as: agent, method: 'DELETE', url: `/v1/contacts/${id}`, expect: 403, code: 'FORBIDDEN' });
    await call({ as: supervisor, method: 'DELETE', url: `/v1/contacts/${id}`, expect: 204 });
    await call({ as: supervisor, method: 'DELETE', url: `/v1/contacts/${id}`, expect: 404, code: 'NOT_FOUND' });
  });

  it('checked the success response of every documented contact operation', () => {
    const contactOps = operationsUnder(['/v1/contacts']);
    expect(contactOps.length).toBe(8);
    expect(uncheckedSuccesses(contactOps), 'contact operations whose success response was never validated').toEqual([]);
  });
});
