// A JSON null in a request body means "clear" and must arrive as null, not be coerced to
// "" by the query-string coercion the app's validator has on (see Nullable in src/http/schemas.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, seedTenant } from '../helpers/actors.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('nullable body fields', () => {
  it('clears a group description with null', async () => {
    const tenant = await seedTenant(t);
    const admin = client(t.app, { apiKey: tenant.adminKey });
    const group = (await admin.post('/v1/groups', { name: 'Billing', description: 'claims and invoices' })).json();
    const cleared = await admin.patch(`/v1/groups/${group.id}`, { description: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().description).toBeNull();
    const row = await t.database.db
      .selectFrom('groups')
      .select('description')
      .where('id', '=', group.id)
      .executeTakeFirstOrThrow();
    expect(row.description).toBeNull();
  });

  it('still rejects a wrong type instead of coercing it', async () => {
    const tenant = await seedTenant(t);
    const admin = client(t.app, { apiKey: tenant.adminKey });
    const group = (await admin.post('/v1/groups', { name: 'Nurses' })).json();
    const res = await admin.patch(`/v1/groups/${group.id}`, { description: { nested: true } });
    expect(res.statusCode).toBe(400);
  });
});
