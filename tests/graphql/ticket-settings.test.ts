// Issue 19: SLA policies and custom-field definitions in GraphQL, at parity with REST
// (/v1/sla-policies, /v1/custom-fields): what one API writes the other reads, the same
// input limits, the same refusals, the same audit events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { desk, gqlOk, newAuditEvents, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
});
afterAll(async () => t?.close());

const SLA = 'priority firstResponseMinutes resolutionMinutes businessHours { timezone days start end } updatedAt';

describe('SLA policies', () => {
  it('a policy put through GraphQL is what REST lists, audited as REST audits its put', async () => {
    const seen = new Set<string>();
    await newAuditEvents(t, d.tenantId, seen);
    const input = {
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      businessHours: { timezone: 'America/New_York', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
    };
    const put = await gqlOk(
      d.admin,
      `mutation($input: SlaPolicyInput!) { putSlaPolicy(priority: urgent, input: $input) { ${SLA} } }`,
      { input },
    );
    expect(put.putSlaPolicy).toMatchObject({ priority: 'urgent', ...input });
    const events = await newAuditEvents(t, d.tenantId, seen);
    expect(events.map((e) => [e['action'], e['outcome']])).toEqual([['sla_policy.put', 'allowed']]);

    const rest = await ok(d.admin.get('/v1/sla-policies'));
    const listed = await gqlOk(d.admin, `{ slaPolicies { ${SLA} } }`);
    expect(listed.slaPolicies).toEqual(rest.items);
    expect(rest.items.find((p: { priority: string }) => p.priority === 'urgent')).toMatchObject(input);

    expect((await gqlOk(d.admin, `mutation { deleteSlaPolicy(priority: urgent) }`)).deleteSlaPolicy).toBe(true);
    const again = await d.admin.gql(`mutation { deleteSlaPolicy(priority: urgent) }`);
    expect(again).toMatchObject({ data: { deleteSlaPolicy: null }, errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it("REST's limits hold: out-of-range minutes are VALIDATION_FAILED with their paths", async () => {
    const body = await d.admin.gql(
      `mutation { putSlaPolicy(priority: low, input: { firstResponseMinutes: 0, resolutionMinutes: 600000 }) { priority } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const paths = ((body.errors?.[0]?.extensions as any)?.errors ?? []).map((x: { pointer: string }) => x.pointer);
    expect(paths).toEqual(expect.arrayContaining(['/firstResponseMinutes', '/resolutionMinutes']));
    const rest = await d.admin.put('/v1/sla-policies/low', { firstResponseMinutes: 0, resolutionMinutes: 600000 });
    expect(rest.statusCode).toBe(400);
  });

  it('a supervisor may not change them: FORBIDDEN, audited as denied', async () => {
    const seen = new Set<string>();
    await newAuditEvents(t, d.tenantId, seen);
    const body = await d.supervisor.gql(
      `mutation { putSlaPolicy(priority: low, input: { firstResponseMinutes: 5, resolutionMinutes: 10 }) { priority } }`,
    );
    expect(body).toMatchObject({ data: { putSlaPolicy: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const events = await newAuditEvents(t, d.tenantId, seen);
    expect(events.map((e) => [e['outcome'], e['resource'].type])).toEqual([['denied', 'Tenant']]);
  });
});

describe('custom fields', () => {
  const FIELD = 'id key label type options phi createdAt';

  it('a field defined through GraphQL is what REST lists; options are required for enum only', async () => {
    const created = await gqlOk(
      d.admin,
      `mutation { createCustomField(input: { key: "plan_tier", label: "Plan tier", type: enum, options: ["gold", "silver"], phi: false }) { ${FIELD} } }`,
    );
    expect(created.createCustomField).toMatchObject({ key: 'plan_tier', type: 'enum', options: ['gold', 'silver'] });
    const rest = await ok(d.supervisor.get('/v1/custom-fields'));
    const listed = await gqlOk(d.supervisor, `{ customFields { ${FIELD} } }`);
    expect(listed.customFields).toEqual(rest.items);
    expect(rest.items.map((f: { key: string }) => f.key)).toContain('plan_tier');

    const noOptions = await d.admin.gql(
      `mutation { createCustomField(input: { key: "tier2", label: "Tier", type: enum, phi: false }) { id } }`,
    );
    expect(noOptions.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const badKey = await d.admin.gql(
      `mutation { createCustomField(input: { key: "Bad Key", label: "x", type: text, phi: false }) { id } }`,
    );
    expect(badKey.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
