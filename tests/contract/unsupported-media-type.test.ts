// The 415s openapi.yaml declares are the server's: every documented operation that takes a
// JSON body, sent an XML one, answers 415 UNSUPPORTED_MEDIA_TYPE as documented (status,
// problem body and headers held to the document by checkResponse). (fastify parses text/plain
// bodies itself, so those are refused by the schema with 400, not 415.) The body is parsed
// after authentication and before the route's policy gate, so the tenant admin meets the 415
// on every route, whatever role the route needs; ids are random: the refusal comes before
// any lookup.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse, operations, resolve, type Json } from './openapi-harness.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { seedTenant } from '../helpers/actors.js';

let t: TestApp;
let adminKey: string;
beforeAll(async () => {
  t = await startTestApp();
  adminKey = (await seedTenant(t)).adminKey;
});
afterAll(async () => t?.close());

const takesJson = operations.filter(({ op }) =>
  Object.keys((resolve(op['requestBody']) as Json | undefined)?.['content'] ?? {}).some((m) => /json$/.test(m)),
);

describe('415 for a body that is not JSON', () => {
  it('finds the operations that take JSON', () => {
    expect(takesJson.length).toBeGreaterThan(20);
  });

  it.each(takesJson.map((o) => [`${o.method} ${o.path}`, o] as const))('%s', async (_name, { method, path }) => {
    const url = path.replace(/\{[^}]+\}/g, (p) => (p === '{priority}' ? 'normal' : randomUUID()));
    const res = await t.app.inject({
      method: method as 'POST' | 'PUT' | 'PATCH',
      url,
      headers: { 'x-api-key': adminKey, 'content-type': 'application/xml' },
      payload: '<ticket/>',
    });
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    checkResponse(method, url, res);
  });
});
