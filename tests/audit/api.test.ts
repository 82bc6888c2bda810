// The audit trail through the front door: identity reads are recorded one event per
// record before the response leaves; the privacy officer and the auditor search, export
// and verify over REST and GraphQL; doing so is itself recorded; the export verifies
// offline with nothing but the published key and the checkpoints; the CLI does the same.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditKeys, type AuditKeys } from '../../src/audit/checkpoint/audit-keys.js';
import { DirectoryCheckpointSink } from '../../src/audit/checkpoint/checkpoint-sink.js';
import { checkpointPass } from '../../src/audit/checkpoint/checkpointer.service.js';
import { keyIdOf, publicKeyToBase64 } from '../../src/audit/checkpoint/signing-key.js';
import { runAuditExport, runAuditPublicKey } from '../../src/cli/audit.js';
import { runAuditVerify } from '../../src/cli/audit-verify.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { drainInbox } from './trail-fixture.js';

let t: TestApp;
let tenant: SeededTenant;
let admin: Client;
let officer: Client;
let auditor: Client;
let agent: Client;
let agentId: string;
let keys: AuditKeys;
let dir: string;
let patientContactId: string;
let patientUserId: string;

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    } as never,
  };
}

async function checkpointNow(): Promise<void> {
  await drainInbox(t.database.db);
  await checkpointPass(t.database.db, keys.signingKey, new DirectoryCheckpointSink(t.config.audit.checkpointDir));
}

beforeAll(async () => {
  t = await startTestApp();
  keys = await loadAuditKeys(t.config);
  dir = await mkdtemp(path.join(tmpdir(), 'phidesk-audit-api-'));
  tenant = await seedTenant(t);
  admin = client(t.app, { apiKey: tenant.adminKey });
  officer = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['privacy_officer'])).secret });
  auditor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['auditor'])).secret });
  const agentKey = await mintKey(t.app, tenant.adminKey, ['agent']);
  agent = client(t.app, { apiKey: agentKey.secret });
  agentId = agentKey.id;
  const supervisor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
  patientContactId = (await supervisor.post('/v1/contacts', { name: 'Pat Requester' })).json().id;
  for (const name of ['Ana', 'Ben', 'Cy'])
    expect((await admin.post('/v1/users', { displayName: name })).statusCode).toBe(201);
  const patient = await admin.post('/v1/users', {
    displayName: 'Pat Requester',
    roles: ['requester'],
    contactId: patientContactId,
  });
  patientUserId = patient.json().id;
});
afterAll(async () => t?.close());

describe('capture of reads', () => {
  it('a list of N users is one read event naming all N, durable before the response', async () => {
    const res = await admin.get('/v1/users?limit=100', { 'x-request-id': 'list-users-0001' });
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as Array<{ id: string }>).map((u) => u.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    // no waiting: the response was sent, so its event must already be stored
    const events = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['requestId'] === 'list-users-0001',
    );
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ action: 'user.read', resource: { type: 'User', id: '*' }, part: null });
    const groups = event!['entities'] as Array<{ action: string; type: string; ids: string[]; contactIds: string[] }>;
    expect(groups.map((g) => [g.action, g.type])).toEqual([['user.read', 'User']]);
    expect([...groups[0]!.ids].sort()).toEqual([...ids].sort());
    // the patient a user record is about is named beside it
    expect(groups[0]!.contactIds[groups[0]!.ids.indexOf(patientUserId)]).toBe(patientContactId);
  });

  it('a single read names who, where (hashed), why and how', async () => {
    const res = await admin.get(`/v1/users/${patientUserId}`, {
      'x-request-id': 'read-user-0001',
      'x-purpose-of-use': 'TREATMENT',
      'user-agent': 'curl/8.5.0',
    });
    expect(res.statusCode).toBe(200);
    const [event] = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['requestId'] === 'read-user-0001',
    );
    expect(event).toMatchObject({
      tenantId: tenant.tenantId,
      action: 'user.read',
      outcome: 'allowed',
      resource: { type: 'User', id: patientUserId },
      subjectContactId: patientContactId,
      purposeOfUse: 'TREATMENT',
      userAgentFamily: 'curl',
      actor: { kind: 'api_key', authMethod: 'api_key' },
      clientAddrHash: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(event)).not.toContain('127.0.0.1');
    expect(JSON.stringify(event)).not.toContain('Pat Requester');
  });

  it('groups, API keys, tenant settings and issuers record their reads too', async () => {
    const group = (await admin.post('/v1/groups', { name: 'Billing' })).json();
    for (const url of ['/v1/groups', `/v1/groups/${group.id}`, '/v1/api-keys', '/v1/tenant', '/v1/tenant/issuers']) {
      const res = await admin.get(url, { 'x-request-id': `reads-${url.replace(/\W/g, '')}`.padEnd(8, '-') });
      expect(res.statusCode, url).toBe(200);
    }
    const actions = new Set((await auditEvents(t.database.db, tenant.tenantId)).map((e) => e['action']));
    for (const action of ['group.read', 'api_key.read', 'tenant.read']) expect(actions, action).toContain(action);
  });
});

describe('queries for the privacy officer and the auditor', () => {
  beforeAll(async () => {
    expect((await agent.patch(`/v1/users/${patientUserId}`, { displayName: 'Nope' })).statusCode).toBe(403);
    await drainInbox(t.database.db);
  });

  it('who looked at this patient', async () => {
    const res = await officer.get(`/v1/audit/events?contactId=${patientContactId}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, any>>;
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const e of items) expect(e['subjectContactId']).toBe(patientContactId);
    expect(items.map((e) => e['requestId'])).toContain('read-user-0001');
  });

  it('what did this actor touch, by outcome; what happened to this record; paging by seq', async () => {
    const denied = (await officer.get(`/v1/audit/events?actorId=${agentId}&outcome=denied`)).json().items as Array<
      Record<string, any>
    >;
    expect(denied.map((e) => [e['action'], e['resource']['id'], e['reasonCode']])).toEqual([
      ['user.update', patientUserId, 'FORBIDDEN'],
    ]);

    const first = await auditor.get(`/v1/audit/events?resourceType=User&resourceId=${patientUserId}&limit=1`);
    expect(first.statusCode).toBe(200);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = (
      await auditor.get(`/v1/audit/events?resourceType=User&resourceId=${patientUserId}&limit=1&cursor=${cursor}`)
    ).json();
    expect(second.items[0].seq).toBeGreaterThan(first.json().items[0].seq);
    const newestFirst = (
      await auditor.get(`/v1/audit/events?resourceType=User&resourceId=${patientUserId}&order=desc`)
    ).json().items;
    expect(newestFirst[0].seq).toBeGreaterThan(newestFirst[newestFirst.length - 1].seq);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await auditor.get(`/v1/audit/events?from=${encodeURIComponent(future)}`)).json().items).toEqual([]);
    expect((await auditor.get(`/v1/audit/events?resourceId=${patientUserId}`)).statusCode).toBe(400);
    expect((await auditor.get('/v1/audit/events?cursor=bogus')).statusCode).toBe(400);
  });

  it('reading the trail is itself recorded', async () => {
    await officer.get(`/v1/audit/events?contactId=${patientContactId}`, { 'x-request-id': 'who-looked-0001' });
    const [event] = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['requestId'] === 'who-looked-0001',
    );
    expect(event).toMatchObject({
      action: 'audit.search',
      resource: { type: 'AuditEvent', id: '*' },
      subjectContactId: patientContactId,
      outcome: 'allowed',
    });
  });

  it('is closed to roles without audit abilities and to other tenants', async () => {
    expect((await agent.get('/v1/audit/events')).statusCode).toBe(403);
    expect((await agent.get('/v1/audit/verify')).statusCode).toBe(403);
    expect((await admin.get('/v1/audit/events/export')).statusCode).toBe(403);
    const other = await seedTenant(t);
    const otherOfficer = client(t.app, { apiKey: (await mintKey(t.app, other.adminKey, ['privacy_officer'])).secret });
    await drainInbox(t.database.db);
    const items = (await otherOfficer.get('/v1/audit/events?limit=100')).json().items as Array<Record<string, any>>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e['tenantId'] === other.tenantId)).toBe(true);
    expect((await otherOfficer.get(`/v1/audit/events?contactId=${patientContactId}`)).json().items).toEqual([]);
  });

  it('GraphQL: the same search and verification, the same policy', async () => {
    const query = `query($f: AuditEventFilter) { auditEvents(filter: $f, limit: 5) { items { seq action subjectContactId resource { type id } actor { id } } nextCursor } }`;
    const found = await officer.gql(query, { f: { contactId: patientContactId } });
    expect(found.errors).toBeUndefined();
    expect(found.data.auditEvents.items.length).toBeGreaterThan(0);
    for (const e of found.data.auditEvents.items) expect(e.subjectContactId).toBe(patientContactId);
    const verified = await auditor.gql(
      '{ auditVerification { ok checked headSeq findings { damage } pending { count } retentionYears } }',
    );
    expect(verified.errors).toBeUndefined();
    expect(verified.data.auditVerification).toMatchObject({ ok: true, findings: [], retentionYears: 6 });
    const refused = await agent.gql('{ auditVerification { ok } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('verification and export', () => {
  it('GET and POST /v1/audit/verify report an intact chain with its checkpoints and pending events', async () => {
    await checkpointNow();
    for (const res of [await auditor.get('/v1/audit/verify'), await officer.post('/v1/audit/verify')]) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        ok: true,
        tenantId: tenant.tenantId,
        findings: [],
        checkpointStoreProblem: null,
        keyIds: [keys.signingKey.keyId],
        pending: { count: expect.any(Number) },
        retentionYears: 6,
      });
      expect(res.json().checkpointsVerified).toBeGreaterThanOrEqual(1);
      expect(res.json().checked).toBe(res.json().headSeq);
    }
  });

  it('the NDJSON export verifies offline with the published key and the checkpoints', async () => {
    await checkpointNow();
    const exported = await auditor.get('/v1/audit/events/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = exported.body.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual(lines.map((_, i) => i + 1));
    const file = path.join(dir, 'api-export.ndjson');
    await writeFile(file, exported.body);

    const published = await client(t.app).get('/.well-known/phidesk-audit-key');
    expect(published.statusCode).toBe(200);
    expect(published.json().keys.map((k: { kid: string }) => k.kid)).toEqual([keyIdOf(keys.signingKey.publicKey)]);
    const keyFile = path.join(dir, 'audit-key.json');
    await writeFile(keyFile, published.body);

    // the auditor is handed this tenant's checkpoints (file names start with the tenant id)
    const checkpoints = path.join(dir, 'api-checkpoints');
    const own = new DirectoryCheckpointSink(checkpoints);
    for (const checkpoint of await new DirectoryCheckpointSink(t.config.audit.checkpointDir).list(tenant.tenantId))
      await own.write(checkpoint);

    const run = io();
    const code = await runAuditVerify(['--file', file, '--public-key', keyFile, '--checkpoints', checkpoints], run.io);
    expect(code, run.out.stdout + run.out.stderr).toBe(0);
    expect(run.out.stdout).toContain('audit verify: OK');
    // the export itself was recorded
    expect((await auditEvents(t.database.db, tenant.tenantId)).some((e) => e['action'] === 'audit.export')).toBe(true);
  });

  it('phidesk audit export and public-key do the same from the database', async () => {
    await checkpointNow();
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: t.database.url,
      DATA_DIR: t.config.dataDir,
      LOG_LEVEL: 'silent',
    });
    try {
      const file = path.join(dir, 'cli-export.ndjson');
      const checkpoints = path.join(dir, 'cli-checkpoints');
      const exported = io();
      expect(
        await runAuditExport(['--tenant', tenant.slug, '--out', file, '--checkpoints-out', checkpoints], exported.io),
        exported.out.stderr,
      ).toBe(0);
      expect(exported.out.stderr).toMatch(/exported \d+ event\(s\) of 1 chain\(s\) and [1-9]\d* checkpoint\(s\)/);
      expect(await runAuditExport(['--tenant', tenant.slug, '--out', file], io().io)).not.toBe(0); // never overwrites
      const key = io();
      expect(await runAuditPublicKey([], key.io)).toBe(0);
      expect(key.out.stdout.trim()).toBe(publicKeyToBase64(keys.signingKey.publicKey));
      const verified = io();
      const code = await runAuditVerify(
        ['--file', file, '--public-key', key.out.stdout.trim(), '--checkpoints', checkpoints],
        verified.io,
      );
      expect(code, verified.out.stdout + verified.out.stderr).toBe(0);
      expect((await readFile(file, 'utf8')).split('\n').length).toBeGreaterThan(10);
      expect(await runAuditExport(['--tenant', 'no-such-tenant'], io().io)).toBe(2);
    } finally {
      process.env = saved;
    }
  });
});
