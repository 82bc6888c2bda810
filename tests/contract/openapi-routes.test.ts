// The REST contract and the server agree.
//  1. Routes: every route the app serves under /v1 (plus /healthz, /readyz, /openapi.yaml) is
//     documented with the same method, and every documented path+method is served (no phantom
//     docs). Each operation is well-formed: operationId, tags, summary, path parameters, and a
//     security requirement that matches whether the route is public.
//  2. Shapes: the identity routes are called for real, and every response body is validated
//     with ajv against the schema documented for its status code and content type (with $refs
//     from openapi.yaml resolved, and objects closed so undocumented fields fail too). Request
//     bodies and query strings the server accepted must also satisfy the documented schemas.
//     (call() and its checks are openapi-harness.ts, shared with the contact and ticket files.)
// Routes are enumerated, never counted, so routes documented later by other areas are checked too.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../src/tenants/tenants.service.js';
import {
  call,
  doc,
  operations,
  operationsUnder,
  resolve,
  uncheckedSuccesses,
  unvalidatedStatuses,
  type Json,
} from './openapi-harness.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { client, mintKey, type Client } from '../helpers/actors.js';

const extraDocumentedRoutes = ['/healthz', '/readyz', '/openapi.yaml'];
/** Identity areas: every documented operation under these must have its success response checked below. */
const identityPrefixes = ['/v1/me', '/v1/tenant', '/v1/users', '/v1/groups', '/v1/api-keys', '/v1/break-glass'];

const toTemplate = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

let t: TestApp;
/** A loopback JWKS, since an issuer is only registered when its key set can be fetched. */
let idp: FakeIdp;
let admin: Client;
let anon: Client;
let other: Client;
let privacy: Client;
let agent: Client;
let agentId: string;
let noAbilities: Client;
let keyManager: Client;

beforeAll(async () => {
  t = await startTestApp({ env: { ALLOW_HTTP_JWKS: 'true', ALLOW_PRIVATE_URLS: 'true' } });
  idp = await startFakeIdp();
  const created = await createTenant(t.database.db, {
    slug: `contract-${randomUUID().slice(0, 8)}`,
    name: 'Contract tenant',
    allowHttpJwks: false,
    issuer: {
      issuer: 'https://idp.contract.example/',
      jwksUri: 'https://idp.contract.example/jwks.json',
      audience: 'phidesk-contract',
    },
  });
  const otherTenant = await createTenant(t.database.db, {
    slug: `contract-b-${randomUUID().slice(0, 8)}`,
    name: 'Other tenant',
    allowHttpJwks: false,
  });
  admin = client(t.app, { apiKey: created.adminKey });
  other = client(t.app, { apiKey: otherTenant.adminKey });
  anon = client(t.app);
  privacy = client(t.app, { apiKey: (await mintKey(t.app, created.adminKey, ['privacy_officer'])).secret });
  const agentKey = await mintKey(t.app, created.adminKey, ['agent']);
  agent = client(t.app, { apiKey: agentKey.secret });
  agentId = agentKey.id;
  noAbilities = client(t.app, { apiKey: (await mintKey(t.app, created.adminKey, ['integration'], [])).secret });
  keyManager = client(t.app, {
    apiKey: (await mintKey(t.app, created.adminKey, ['integration'], ['api-keys:manage'])).secret,
  });
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe('routes and openapi.yaml agree', () => {
  const served = () => t.app.routeIndex.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');

  it('documents every /v1 route and the probes and contract routes, with the same method', () => {
    const mustBeDocumented = served().filter((r) => r.url.startsWith('/v1/') || extraDocumentedRoutes.includes(r.url));
    expect(mustBeDocumented.length).toBeGreaterThan(extraDocumentedRoutes.length);
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    const missing = mustBeDocumented.map((r) => `${r.method} ${toTemplate(r.url)}`).filter((k) => !documented.has(k));
    expect(missing, 'served but not in openapi.yaml').toEqual([]);
  });

  it('documents nothing the app does not serve', () => {
    const servedKeys = new Set(served().map((r) => `${r.method} ${toTemplate(r.url)}`));
    const phantom = operations.map((o) => `${o.method} ${o.path}`).filter((k) => !servedKeys.has(k));
    expect(phantom, 'in openapi.yaml but not served').toEqual([]);
  });

  it('gives every operation a unique operationId, declared tags, a summary and its path parameters', () => {
    const declaredTags = new Set(((doc['tags'] ?? []) as Json[]).map((tag) => tag['name']));
    const ids = new Set<string>();
    for (const { method, path, op } of operations) {
      const where = `${method} ${path}`;
      expect(typeof op['operationId'], `${where} operationId`).toBe('string');
      expect(ids.has(op['operationId']), `${where}: duplicate operationId ${op['operationId']}`).toBe(false);
      ids.add(op['operationId']);
      expect(op['tags']?.length, `${where} tags`).toBeGreaterThan(0);
      for (const tag of op['tags']) expect(declaredTags.has(tag), `${where}: tag ${tag} is not declared`).toBe(true);
      expect(op['summary'], `${where} summary`).toBeTruthy();
      const pathItemParams = (doc['paths'][path]['parameters'] ?? []) as Json[];
      const inPath = (resolve([...pathItemParams, ...(op['parameters'] ?? [])]) as Json[])
        .filter((p) => p['in'] === 'path')
        .map((p) => p['name'])
        .sort();
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      expect(inPath, `${where} path parameters`).toEqual(templated);
    }
  });

  it('resolves every $ref in the document, locally and without a cycle', () => {
    // checkResponse resolves a schema only when a call reaches it; this reaches them all
    expect(() => resolve(doc['paths'])).not.toThrow();
    expect(() => resolve(doc['components'])).not.toThrow();
  });

  it('documents security exactly where the app demands credentials, and the 401/403 the gate can return', () => {
    const byKey = new Map(served().map((r) => [`${r.method} ${toTemplate(r.url)}`, r]));
    for (const { method, path, op } of operations) {
      const route = byKey.get(`${method} ${path}`);
      if (!route) continue; // reported by the phantom test
      const security = (op['security'] ?? doc['security'] ?? []) as Json[];
      const open = security.length === 0 || security.some((req) => Object.keys(req).length === 0);
      expect(open, `${method} ${path}: documented as public=${open}, served as public=${route.public}`).toBe(
        route.public,
      );
      if (route.public) continue;
      expect(op['responses']?.['401'], `${method} ${path} documents 401`).toBeDefined();
      if (route.policy !== 'authenticated')
        expect(op['responses']?.['403'], `${method} ${path} documents 403`).toBeDefined();
    }
  });
});

describe('identity responses match their documented schemas', () => {
  it('the caller', async () => {
    const me = await call({ as: admin, method: 'GET', url: '/v1/me', expect: 200 });
    expect(me.json().roles).toEqual(['tenant_admin']);
    await call({ as: anon, method: 'GET', url: '/v1/me', expect: 401, code: 'UNAUTHENTICATED' });
    await call({
      as: client(t.app, { bearer: 'not-a-jwt' }),
      method: 'GET',
      url: '/v1/me',
      expect: 401,
      code: 'TOKEN_INVALID',
    });
    await call({
      as: client(t.app, { apiKey: 'phk_nope' }),
      method: 'GET',
      url: '/v1/me',
      expect: 401,
      code: 'API_KEY_INVALID',
    });
  });

  it('the tenant and its trusted issuers', async () => {
    await call({ as: admin, method: 'GET', url: '/v1/tenant', expect: 200 });
    await call({ as: agent, method: 'GET', url: '/v1/tenant', expect: 200 });
    await call({
      as: admin,
      method: 'PATCH',
      url: '/v1/tenant',
      body: { name: 'Contract tenant, renamed', requireMfaForPhi: false },
      expect: 200,
    });
    await call({
      as: admin,
      method: 'PATCH',
      url: '/v1/tenant',
      body: {},
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'PATCH',
      url: '/v1/tenant',
      body: { colour: 'blue' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({ as: agent, method: 'PATCH', url: '/v1/tenant', body: { name: 'x' }, expect: 403, code: 'FORBIDDEN' });

    const list = await call({ as: admin, method: 'GET', url: '/v1/tenant/issuers', expect: 200 });
    expect(list.json().items).toHaveLength(1);
    const issuer = {
      issuer: idp.issuer,
      jwksUri: idp.jwksUri,
      audience: 'phidesk',
      rolesClaim: 'app_roles',
    };
    const added = await call({ as: admin, method: 'POST', url: '/v1/tenant/issuers', body: issuer, expect: 201 });
    expect(added.json().groupsClaim).toBe('groups');
    const issuerUrl = `/v1/tenant/issuers/${added.json().id}`;
    const patched = await call({
      as: admin,
      method: 'PATCH',
      url: issuerUrl,
      body: { rolesClaim: 'roles', audience: 'phidesk-2' },
      expect: 200,
    });
    expect(patched.json()).toMatchObject({ rolesClaim: 'roles', audience: 'phidesk-2', jwksUri: idp.jwksUri });
    await call({
      as: admin,
      method: 'PATCH',
      url: issuerUrl,
      body: { jwksUri: 'http://idp3.example/keys', colour: 'blue' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({ as: agent, method: 'PATCH', url: issuerUrl, body: { audience: 'x' }, expect: 403, code: 'FORBIDDEN' });
    await call({
      as: admin,
      method: 'PATCH',
      url: `/v1/tenant/issuers/${randomUUID()}`,
      body: { audience: 'x' },
      expect: 404,
      code: 'NOT_FOUND',
    });
    await call({ as: admin, method: 'POST', url: '/v1/tenant/issuers', body: issuer, expect: 409, code: 'CONFLICT' });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/tenant/issuers',
      body: { ...issuer, issuer: 'https://idp3.example/', jwksUri: 'http://idp3.example/keys' },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/tenant/issuers',
      body: { issuer: 'https://idp4.example/' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: privacy,
      method: 'POST',
      url: '/v1/tenant/issuers',
      body: issuer,
      expect: 403,
      code: 'FORBIDDEN',
    });
    await call({ as: admin, method: 'DELETE', url: `/v1/tenant/issuers/${added.json().id}`, expect: 204 });
    await call({
      as: admin,
      method: 'DELETE',
      url: `/v1/tenant/issuers/${added.json().id}`,
      expect: 404,
      code: 'NOT_FOUND',
    });
    await call({
      as: admin,
      method: 'DELETE',
      url: '/v1/tenant/issuers/not-a-uuid',
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('users', async () => {
    const first = await call({
      as: admin,
      method: 'POST',
      url: '/v1/users',
      expect: 201,
      body: {
        displayName: 'Dana Agent',
        email: 'dana@example.test',
        roles: ['agent'],
        issuer: 'https://idp.contract.example/',
        subject: 'dana',
      },
    });
    const user = first.json();
    expect(first.headers['location']).toBe(`/v1/users/${user.id}`);
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/users',
      body: { displayName: 'Sam Supervisor', roles: ['supervisor'] },
      expect: 201,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/users',
      expect: 409,
      code: 'CONFLICT',
      body: { displayName: 'Dana again', issuer: 'https://idp.contract.example/', subject: 'dana' },
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/users',
      body: {},
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/users',
      body: { displayName: 'X', roles: ['emperor'] },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/users',
      body: { displayName: 'X', email: 'not an email' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });

    const page1 = await call({ as: admin, method: 'GET', url: '/v1/users?limit=1', expect: 200 });
    expect(page1.json().nextCursor).toEqual(expect.any(String));
    const page2 = await call({
      as: agent,
      method: 'GET',
      url: `/v1/users?limit=1&cursor=${page1.json().nextCursor}`,
      expect: 200,
    });
    expect(page2.json().items[0].id).not.toBe(page1.json().items[0].id);
    await call({
      as: admin,
      method: 'GET',
      url: '/v1/users?limit=0',
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'GET',
      url: '/v1/users?limit=101',
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({ as: admin, method: 'GET', url: '/v1/users?cursor=bogus', expect: 400, code: 'VALIDATION_FAILED' });
    await call({ as: noAbilities, method: 'GET', url: '/v1/users', expect: 403, code: 'FORBIDDEN' });

    await call({ as: admin, method: 'GET', url: `/v1/users/${user.id}`, expect: 200 });
    await call({ as: admin, method: 'GET', url: `/v1/users/${randomUUID()}`, expect: 404, code: 'NOT_FOUND' });
    await call({ as: other, method: 'GET', url: `/v1/users/${user.id}`, expect: 404, code: 'NOT_FOUND' });
    await call({
      as: admin,
      method: 'PATCH',
      url: `/v1/users/${user.id}`,
      body: { displayName: 'Dana A.', email: null, roles: ['agent', 'supervisor'] },
      expect: 200,
    });
    await call({
      as: admin,
      method: 'PATCH',
      url: `/v1/users/${user.id}`,
      body: { status: 'gone' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'PATCH',
      url: `/v1/users/${user.id}`,
      body: { displayName: 'Nope' },
      expect: 403,
      code: 'FORBIDDEN',
    });
    const revoked = await call({ as: admin, method: 'POST', url: `/v1/users/${user.id}/revoke-sessions`, expect: 200 });
    expect(revoked.json().sessionsRevokedAfter).toEqual(expect.any(String));
    await call({
      as: admin,
      method: 'POST',
      url: `/v1/users/${randomUUID()}/revoke-sessions`,
      expect: 404,
      code: 'NOT_FOUND',
    });
    const hashes = await call({
      as: admin,
      method: 'PUT',
      url: `/v1/users/${user.id}/relationship-hashes`,
      body: { surname: 'Doe' },
      expect: 200,
    });
    expect(hashes.json()).toEqual({ userId: user.id, surnameSet: true, addressSet: false });
  });

  it('groups', async () => {
    const member = (
      await call({ as: admin, method: 'POST', url: '/v1/users', body: { displayName: 'Member' }, expect: 201 })
    ).json();
    const created = await call({
      as: admin,
      method: 'POST',
      url: '/v1/groups',
      body: { name: 'Cardiology', description: 'Heart team' },
      expect: 201,
    });
    const group = created.json();
    expect(created.headers['location']).toBe(`/v1/groups/${group.id}`);
    await call({ as: admin, method: 'POST', url: '/v1/groups', body: { name: 'Oncology' }, expect: 201 });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/groups',
      body: { name: 'Cardiology' },
      expect: 409,
      code: 'CONFLICT',
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/groups',
      body: { name: '' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/groups',
      body: { name: 'Agents only' },
      expect: 403,
      code: 'FORBIDDEN',
    });

    await call({ as: agent, method: 'GET', url: '/v1/groups?limit=1', expect: 200 });
    await call({ as: admin, method: 'GET', url: `/v1/groups/${group.id}`, expect: 200 });
    await call({ as: other, method: 'GET', url: `/v1/groups/${group.id}`, expect: 404, code: 'NOT_FOUND' });
    await call({ as: admin, method: 'PATCH', url: `/v1/groups/${group.id}`, body: { description: null }, expect: 200 });
    await call({
      as: admin,
      method: 'PATCH',
      url: `/v1/groups/${group.id}`,
      body: { name: 'Oncology' },
      expect: 409,
      code: 'CONFLICT',
    });
    const joined = await call({
      as: admin,
      method: 'PUT',
      url: `/v1/groups/${group.id}/members/${member.id}`,
      expect: 200,
    });
    expect(joined.json().memberIds).toEqual([member.id]);
    await call({
      as: admin,
      method: 'PUT',
      url: `/v1/groups/${group.id}/members/${randomUUID()}`,
      expect: 404,
      code: 'NOT_FOUND',
    });
    const left = await call({
      as: admin,
      method: 'DELETE',
      url: `/v1/groups/${group.id}/members/${member.id}`,
      expect: 200,
    });
    expect(left.json().memberIds).toEqual([]);
    await call({ as: admin, method: 'DELETE', url: `/v1/groups/${group.id}`, expect: 204 });
    await call({ as: admin, method: 'DELETE', url: `/v1/groups/${group.id}`, expect: 404, code: 'NOT_FOUND' });
  });

  it('API keys', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await call({
      as: admin,
      method: 'POST',
      url: '/v1/api-keys',
      expect: 201,
      body: {
        name: 'nightly export',
        scopes: ['tickets:read', 'users:read'],
        expiresAt,
        allowedCidrs: ['127.0.0.1', '10.0.0.0/8'],
      },
    });
    const { key, secret } = created.json();
    expect(created.headers['location']).toBe(`/v1/api-keys/${key.id}`);
    expect(secret).toMatch(/^phk_[A-Za-z0-9_-]{16}_[A-Za-z0-9_-]{43}$/);
    expect(key.allowedCidrs).toEqual(['127.0.0.1/32', '10.0.0.0/8']);
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/api-keys',
      body: { name: 'bad', scopes: ['everything'] },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: admin,
      method: 'POST',
      url: '/v1/api-keys',
      body: { name: 'bad', expiresAt: '2001-01-01T00:00:00Z' },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: keyManager,
      method: 'POST',
      url: '/v1/api-keys',
      body: { name: 'escalate', roles: ['tenant_admin'] },
      expect: 403,
      code: 'FORBIDDEN',
    });
    await call({
      as: keyManager,
      method: 'POST',
      url: '/v1/api-keys',
      body: { name: 'script', scopes: ['tickets:create'] },
      expect: 201,
    });

    await call({ as: keyManager, method: 'GET', url: '/v1/api-keys?limit=2', expect: 200 });
    await call({ as: admin, method: 'GET', url: `/v1/api-keys/${key.id}`, expect: 200 });
    await call({ as: other, method: 'GET', url: `/v1/api-keys/${key.id}`, expect: 404, code: 'NOT_FOUND' });
    await call({ as: client(t.app, { apiKey: secret }), method: 'GET', url: '/v1/users', expect: 200 });
    const revoked = await call({ as: admin, method: 'DELETE', url: `/v1/api-keys/${key.id}`, expect: 200 });
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    await call({
      as: client(t.app, { apiKey: secret }),
      method: 'GET',
      url: '/v1/users',
      expect: 401,
      code: 'API_KEY_INVALID',
    });
    await call({ as: agent, method: 'DELETE', url: `/v1/api-keys/${key.id}`, expect: 403, code: 'FORBIDDEN' });
  });

  it('break-glass', async () => {
    const ticketId = (await agent.post('/v1/tickets', { subject: 'Needs emergency access' })).json().id as string;
    const body = {
      resourceType: 'Ticket',
      resourceId: ticketId,
      reason: 'Patient in ED, assigned agent unreachable',
      durationMinutes: 15,
    };
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/break-glass',
      body: { ...body, resourceId: randomUUID() },
      expect: 422,
      code: 'UNPROCESSABLE',
    });
    const opened = await call({ as: agent, method: 'POST', url: '/v1/break-glass', body, expect: 201 });
    const grant = opened.json();
    expect(grant.actorId).toBe(agentId);
    expect(opened.headers['location']).toBe(`/v1/break-glass/${grant.id}`);
    // the Location header names a resource that can be read
    await call({ as: agent, method: 'GET', url: opened.headers['location'] as string, expect: 200 });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/break-glass',
      body: { ...body, durationMinutes: 1000 },
      expect: 400,
      code: 'VALIDATION_FAILED',
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/break-glass',
      body: { ...body, reason: 'because' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'POST',
      url: '/v1/break-glass',
      body: { ...body, resourceType: 'User' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({ as: privacy, method: 'POST', url: '/v1/break-glass', body, expect: 403, code: 'FORBIDDEN' });

    const mine = await call({ as: agent, method: 'GET', url: '/v1/break-glass?active=true&limit=10', expect: 200 });
    expect(mine.json().items.map((g: Json) => g.id)).toEqual([grant.id]);
    await call({ as: privacy, method: 'GET', url: '/v1/break-glass', expect: 200 });
    await call({
      as: privacy,
      method: 'GET',
      url: '/v1/break-glass?active=maybe',
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({ as: noAbilities, method: 'GET', url: '/v1/break-glass', expect: 403, code: 'FORBIDDEN' });
    await call({ as: admin, method: 'GET', url: `/v1/break-glass/${grant.id}`, expect: 404, code: 'NOT_FOUND' });
    await call({ as: privacy, method: 'GET', url: `/v1/break-glass/${grant.id}`, expect: 200 });

    const reviewed = await call({
      as: privacy,
      method: 'POST',
      url: `/v1/break-glass/${grant.id}/review`,
      body: { outcome: 'justified', note: 'ED on-call' },
      expect: 200,
    });
    expect(reviewed.json().review.outcome).toBe('justified');
    await call({
      as: privacy,
      method: 'POST',
      url: `/v1/break-glass/${grant.id}/review`,
      body: { outcome: 'fine' },
      expect: 400,
      code: 'VALIDATION_FAILED',
      schemaInvalid: true,
    });
    await call({
      as: agent,
      method: 'POST',
      url: `/v1/break-glass/${grant.id}/review`,
      body: { outcome: 'justified' },
      expect: 403,
      code: 'FORBIDDEN',
    });
    await call({
      as: privacy,
      method: 'POST',
      url: `/v1/break-glass/${randomUUID()}/review`,
      body: { outcome: 'justified' },
      expect: 404,
      code: 'NOT_FOUND',
    });

    const closed = await call({ as: agent, method: 'POST', url: `/v1/break-glass/${grant.id}/close`, expect: 200 });
    expect(closed.json().active).toBe(false);
    await call({
      as: agent,
      method: 'POST',
      url: `/v1/break-glass/${randomUUID()}/close`,
      expect: 404,
      code: 'NOT_FOUND',
    });
  });

  it('429 problem bodies (a second app on the same database, with a limit of one request)', async () => {
    const limited = await startTestApp({ database: t.database, env: { RATE_LIMIT_MAX: '1' } });
    try {
      const c = client(limited.app);
      await c.get('/v1/me');
      const res = await call({ as: c, method: 'GET', url: '/v1/me', expect: 429, code: 'RATE_LIMITED' });
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.app.close();
    }
  });

  it('checked the success response of every documented identity operation, and every problem status', () => {
    const identityOps = operationsUnder(identityPrefixes);
    expect(identityOps.length).toBeGreaterThan(identityPrefixes.length);
    expect(
      uncheckedSuccesses(identityOps),
      'identity operations whose success response this file never validated',
    ).toEqual([]);
    expect(
      unvalidatedStatuses(['200', '201', '204', '400', '401', '403', '404', '409', '429']),
      'statuses no response was validated for',
    ).toEqual([]);
  });
});
