// A tenant's own attachment limits (GET/PUT /v1/attachment-settings, GraphQL
// attachmentSettings / updateAttachmentSettings): a tenant admin sets them and the next
// upload is held to them, another tenant keeps its own, nobody else may change them (and
// each refusal is audited), invalid limits are a 400 that changes nothing, both transports
// agree, and every read and change is one audit event. The runtime role writes only its
// own tenant's row (migration 0018 under the RLS of 0015).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { inTenantTx } from '../../src/db/tenant-tx.js';
import { gqlOk, ok } from '../tickets/helpers.js';
import { attachmentDesk, pngFile, textFile, uploadMultipart, uploadRaw, type AttachmentDesk } from './helpers.js';

const recognised = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/dicom',
  'application/zip',
  'application/x-msdownload',
  'application/x-executable',
  'text/plain',
];
const defaults = {
  maxBytes: 100 * 1024 * 1024,
  allowedTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/tiff', 'text/plain'],
  isDefault: true,
  updatedAt: null,
};
const SETTINGS = '/v1/attachment-settings';
const FIELDS = 'maxBytes allowedTypes isDefault updatedAt';
const UPDATE = `mutation($input: UpdateAttachmentSettingsInput!) { updateAttachmentSettings(input: $input) { ${FIELDS} } }`;

let t: TestApp;
let d: AttachmentDesk;
let other: AttachmentDesk;
let url: string;
let agent: Client;
let agentKeyId: string;
let auditor: Client;

beforeAll(async () => {
  t = await startTestApp();
  d = await attachmentDesk(t);
  other = await attachmentDesk(t);
  url = `/v1/tickets/${d.ticketId}/attachments`;
  const agentKey = await mintKey(t.app, d.adminKey, ['agent']);
  agent = client(t.app, { apiKey: agentKey.secret });
  agentKeyId = agentKey.id;
  auditor = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['auditor'])).secret });
}, 60_000);
afterAll(async () => t?.close());

const events = async (tenantId: string, action: string) =>
  (await auditEvents(t.database.db, tenantId)).filter((e) => e['action'] === action);

const storedRow = async (tenantId: string) =>
  (
    await sql<{
      max_bytes: string | number;
      allowed_types: string[];
      updated_at: Date;
    }>`select max_bytes, allowed_types, updated_at from attachment_settings where tenant_id = ${tenantId}`.execute(
      t.database.db,
    )
  ).rows[0];

describe('attachment settings', () => {
  it('shows the defaults to a tenant that has not set its own, and records the read', async () => {
    const before = (await events(d.tenantId, 'attachment_settings.read')).length;
    expect(await ok(d.admin.get(SETTINGS))).toEqual(defaults);
    expect(await ok(agent.get(SETTINGS))).toEqual(defaults); // read on Tenant, as for SLA policies
    const reads = await events(d.tenantId, 'attachment_settings.read');
    expect(reads.length).toBe(before + 2);
    expect(reads.at(-1)!['resource']).toMatchObject({ type: 'Tenant', id: d.tenantId });
    expect(reads.at(-1)!['outcome']).toBe('allowed');
  });

  it("an admin's 1 KiB, PNG-only limits hold from the next upload: 2 KiB is 413, text is 415, a small PNG is stored", async () => {
    const before = (await events(d.tenantId, 'attachment_settings.put')).length;
    const set = await ok(d.admin.put(SETTINGS, { maxBytes: 1024, allowedTypes: ['image/png'] }));
    expect(set).toMatchObject({ maxBytes: 1024, allowedTypes: ['image/png'], isDefault: false });
    expect(Date.parse(set.updatedAt)).not.toBeNaN();
    expect(await ok(d.supervisor.get(SETTINGS))).toEqual(set);
    const stored = await storedRow(d.tenantId);
    expect([Number(stored?.max_bytes), stored?.allowed_types]).toEqual([1024, ['image/png']]);

    const big = await uploadRaw(t, d.staff, url, pngFile(2048), 'image/png');
    expect(big.statusCode, big.body).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const bigForm = await uploadMultipart(t, d.staff, url, pngFile(2048), 'scan.png', 'image/png');
    expect(bigForm.statusCode, bigForm.body).toBe(413);
    const text = await uploadRaw(t, d.staff, url, textFile('NOTE', 100), 'text/plain');
    expect(text.statusCode, text.body).toBe(415);
    expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const small = await ok(uploadRaw(t, d.staff, url, pngFile(512), 'image/png'), 201);
    expect(small).toMatchObject({ contentType: 'image/png', sizeBytes: 512 });
    await ok(uploadRaw(t, d.staff, url, pngFile(1024), 'image/png'), 201); // exactly the limit

    // the change is one audited event, by the admin, about the tenant
    const puts = await events(d.tenantId, 'attachment_settings.put');
    expect(puts.length).toBe(before + 1);
    expect(puts.at(-1)).toMatchObject({
      outcome: 'allowed',
      resource: { type: 'Tenant', id: d.tenantId },
      actor: { kind: 'api_key' },
    });
  });

  it("leaves another tenant's limits (and uploads) as they were", async () => {
    expect(await ok(other.admin.get(SETTINGS))).toEqual(defaults);
    expect(await storedRow(other.tenantId)).toBeUndefined();
    const otherUrl = `/v1/tickets/${other.ticketId}/attachments`;
    await ok(uploadRaw(t, other.staff, otherUrl, textFile('OTHER', 4096), 'text/plain'), 201);
    await ok(uploadRaw(t, other.staff, otherUrl, pngFile(4096), 'image/png'), 201);
  });

  it('refuses a change by anyone but a tenant admin with 403, audited as denied, and changes nothing', async () => {
    const row = await storedRow(d.tenantId);
    for (const [label, who] of [
      ['supervisor', d.supervisor],
      ['agent', agent],
    ] as const) {
      const requestId = `deny-settings-${label}-${randomUUID().slice(0, 8)}`;
      const res = await who.put(
        SETTINGS,
        { maxBytes: 10_000_000, allowedTypes: ['text/plain'] },
        { 'x-request-id': requestId },
      );
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('FORBIDDEN');
      const denied = (await auditEvents(t.database.db, d.tenantId)).filter((e) => e['requestId'] === requestId);
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({
        action: 'tenant.update',
        outcome: 'denied',
        reasonCode: 'FORBIDDEN',
        resource: { type: 'Tenant', id: d.tenantId },
      });
    }
    const denied = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['outcome'] === 'denied' && e['actor']?.id === agentKeyId,
    );
    expect(denied.length).toBeGreaterThanOrEqual(1);
    // GraphQL: the same refusal
    const gql = await agent.gql(UPDATE, { input: { maxBytes: 10_000_000, allowedTypes: ['text/plain'] } });
    expect(gql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await auditEvents(t.database.db, d.tenantId)).filter(
        (e) => e['outcome'] === 'denied' && e['actor']?.id === agentKeyId,
      ).length,
    ).toBe(denied.length + 1);
    // an auditor may not even read them
    expect((await auditor.get(SETTINGS)).statusCode).toBe(403);
    expect(await storedRow(d.tenantId)).toEqual(row);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['zero bytes', { maxBytes: 0, allowedTypes: ['image/png'] }, '/maxBytes'],
    ['negative bytes', { maxBytes: -1024, allowedTypes: ['image/png'] }, '/maxBytes'],
    ['over the 4 GiB ceiling', { maxBytes: 4 * 1024 ** 3 + 1, allowedTypes: ['image/png'] }, '/maxBytes'],
    ['a huge number', { maxBytes: 1e30, allowedTypes: ['image/png'] }, '/maxBytes'],
    ['a fraction', { maxBytes: 1024.5, allowedTypes: ['image/png'] }, '/maxBytes'],
    ['bytes as text', { maxBytes: '1024', allowedTypes: ['image/png'] }, '/maxBytes'],
    ['an unknown type', { maxBytes: 1024, allowedTypes: ['image/png', 'text/html'] }, '/allowedTypes/1'],
    ['a declared-only type', { maxBytes: 1024, allowedTypes: ['application/octet-stream'] }, '/allowedTypes/0'],
    ['an upper-case type', { maxBytes: 1024, allowedTypes: ['IMAGE/PNG'] }, '/allowedTypes/0'],
    ['an empty list', { maxBytes: 1024, allowedTypes: [] }, '/allowedTypes'],
    ['a repeated type', { maxBytes: 1024, allowedTypes: ['image/png', 'text/plain', 'image/png'] }, '/allowedTypes/2'],
    ['a NUL byte', { maxBytes: 1024, allowedTypes: ['image/png\u0000'] }, '/allowedTypes/0'],
    ['no list', { maxBytes: 1024 }, '/allowedTypes'],
    ['an unknown field', { maxBytes: 1024, allowedTypes: ['image/png'], colour: 'blue' }, '/colour'],
    ['a list of too many', { maxBytes: 1024, allowedTypes: [...recognised, 'image/png'] }, '/allowedTypes'],
  ];

  it.each(invalid)(
    'refuses %s with 400 VALIDATION_FAILED naming the field, and changes nothing',
    async (_, body, path) => {
      const row = await storedRow(d.tenantId);
      const puts = (await events(d.tenantId, 'attachment_settings.put')).length;
      const res = await d.admin.put(SETTINGS, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = res.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(
        problem.errors.map((e: { pointer: string }) => e.pointer),
        res.body,
      ).toContain(path);
      expect(await storedRow(d.tenantId)).toEqual(row);
      expect((await events(d.tenantId, 'attachment_settings.put')).length).toBe(puts);
    },
  );

  it('names the allowed types when it refuses one', async () => {
    const res = await d.admin.put(SETTINGS, { maxBytes: 1024, allowedTypes: ['image/svg+xml'] });
    expect(res.statusCode).toBe(400);
    const entry = res.json().errors.find((e: { pointer: string }) => e.pointer === '/allowedTypes/0');
    expect(entry.allowed).toEqual(recognised);
    expect(entry.detail).not.toContain('svg'); // the refused value is not echoed
  });

  it('accepts every type the sniffer recognises, and the 4 GiB ceiling itself', async () => {
    const all = await ok(d.admin.put(SETTINGS, { maxBytes: 4 * 1024 ** 3, allowedTypes: recognised }));
    expect(all).toMatchObject({ maxBytes: 4 * 1024 ** 3, allowedTypes: recognised, isDefault: false });
    await ok(d.admin.put(SETTINGS, { maxBytes: 1024, allowedTypes: ['image/png'] }));
  });

  it('answers the same over GraphQL: the read, the change, and the refusals', async () => {
    const rest = await ok(d.admin.get(SETTINGS));
    const read = await gqlOk(d.admin, `{ attachmentSettings { ${FIELDS} } }`);
    expect(read.attachmentSettings).toEqual(rest);
    expect((await gqlOk(other.admin, `{ attachmentSettings { ${FIELDS} } }`)).attachmentSettings).toEqual(defaults);

    const puts = (await events(d.tenantId, 'attachment_settings.put')).length;
    const input = { maxBytes: 3 * 1024 ** 3, allowedTypes: ['application/pdf', 'image/png'] }; // over GraphQL's Int
    const changed = (await gqlOk(d.admin, UPDATE, { input })).updateAttachmentSettings;
    expect(changed).toMatchObject({ ...input, isDefault: false });
    expect(await ok(d.admin.get(SETTINGS))).toEqual(changed);
    expect((await events(d.tenantId, 'attachment_settings.put')).length).toBe(puts + 1);

    const row = await storedRow(d.tenantId);
    for (const [label, body, path] of invalid) {
      const bad = body as { maxBytes?: unknown; allowedTypes?: unknown };
      // only what GraphQL's own types let through reaches the service; the rest is refused by the schema
      const typed = typeof bad.maxBytes === 'number' && Array.isArray(bad.allowedTypes) && !('colour' in bad);
      const res = await d.admin.gql(UPDATE, { input: bad });
      expect(res.data?.updateAttachmentSettings ?? null, label).toBeNull();
      const error = res.errors?.[0];
      expect(error?.extensions?.code, `${label}: ${JSON.stringify(res)}`).toMatch(
        typed && !label.includes('NUL') ? /^VALIDATION_FAILED$/ : /VALIDATION_FAILED$/,
      );
      if (typed && !label.includes('NUL'))
        expect(
          (error?.extensions as { errors?: Array<{ pointer: string }> }).errors?.map((x) => x.pointer),
          label,
        ).toContain(path);
    }
    expect(await storedRow(d.tenantId)).toEqual(row);
    expect((await events(d.tenantId, 'attachment_settings.put')).length).toBe(puts + 1);
    await ok(d.admin.put(SETTINGS, { maxBytes: 1024, allowedTypes: ['image/png'] }));
  });

  it("lets the runtime role write only its own tenant's row, and delete none", async () => {
    const write = (tenantId: string) =>
      inTenantTx(t.database.db, d.tenantId, (tx) =>
        tx
          .insertInto('attachment_settings')
          .values({ tenant_id: tenantId, max_bytes: 1, allowed_types: ['text/plain'] })
          .execute(),
      );
    await expect(write(other.tenantId)).rejects.toThrow(/row-level security/);
    const updated = await inTenantTx(t.database.db, d.tenantId, (tx) =>
      tx.updateTable('attachment_settings').set({ max_bytes: 1 }).where('tenant_id', '=', other.tenantId).execute(),
    );
    expect(Number(updated[0]?.numUpdatedRows ?? 0)).toBe(0);
    await expect(
      inTenantTx(t.database.db, d.tenantId, (tx) => tx.deleteFrom('attachment_settings').execute()),
    ).rejects.toThrow(/permission denied/);
    expect(await storedRow(other.tenantId)).toBeUndefined();
    const { rows } = await sql<{ forced: boolean }>`
      select relrowsecurity and relforcerowsecurity as forced from pg_class where oid = 'attachment_settings'::regclass`.execute(
      t.database.db,
    );
    expect(rows[0]?.forced).toBe(true);
  });
});
