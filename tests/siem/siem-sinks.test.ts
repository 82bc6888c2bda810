// SIEM sinks over REST: a tenant admin registers, reads (with its lag), changes and removes
// them, each step audited; the privacy officer may only look; other roles and tenants get
// 403 and 404; the endpoint passes the outbound-URL guard (a private address is refused and
// the refusal audited); the auth header is sealed at rest and never shown or logged.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostLookup } from '../../src/net/url-guard.js';
import type { TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { canary, desk, gqlCode, gqlOk, ok, type Desk } from '../tickets/helpers.js';
import { startSiemApp } from './helpers.js';

// names only the tests use; nothing is ever sent (the streamer does not run here)
const lookup: HostLookup = async (host) => {
  if (host === 'siem.example.com') return [{ address: '93.184.216.34', family: 4 }];
  if (host === 'internal.example.com') return [{ address: '10.0.0.7', family: 4 }];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};

let t: TestApp;
let d: Desk;
let other: Desk;
let officer: Client;
const TOKEN = canary('SIEMAUTH');
const body = {
  kind: 'otlp_http',
  endpoint: 'https://siem.example.com/otlp',
  description: 'Splunk OTLP collector',
  headers: { Authorization: `Splunk ${TOKEN}` },
};

beforeAll(async () => {
  t = await startSiemApp({ lookup, auditJobs: false });
  d = await desk(t);
  other = await desk(t);
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
}, 60_000);
afterAll(async () => t?.close());

describe('SIEM sinks over REST', () => {
  it('a tenant admin registers, reads, changes and removes a sink; each step audited; the token never shown', async () => {
    const res = await d.admin.post('/v1/siem-sinks', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(res.headers['location']).toBe(`/v1/siem-sinks/${created.id}`);
    expect(created).toMatchObject({
      kind: 'otlp_http',
      endpoint: body.endpoint,
      description: body.description,
      headerNames: ['authorization'],
      enabled: true,
      delivery: { cursorSeq: 0, lastError: null, consecutiveFailures: 0 },
    });
    const shown = await ok(officer.get(`/v1/siem-sinks/${created.id}`));
    expect(shown.delivery.lagEvents).toBe(shown.delivery.headSeq);
    const list = await ok(d.admin.get('/v1/siem-sinks'));
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([created.id]);
    const patched = await ok(d.admin.patch(`/v1/siem-sinks/${created.id}`, { enabled: false, headers: {} }));
    expect(patched).toMatchObject({ enabled: false, headerNames: [] });
    await ok(d.admin.delete(`/v1/siem-sinks/${created.id}`), 204);
    await ok(d.admin.get(`/v1/siem-sinks/${created.id}`), 404);

    const actions = (await auditEvents(t.database.db, d.tenantId))
      .filter((e) => e['resource'].id === created.id)
      .map((e) => e['action']);
    expect(actions).toEqual(
      expect.arrayContaining(['siem_sink.create', 'siem_sink.read', 'siem_sink.update', 'siem_sink.delete']),
    );
    for (const text of [JSON.stringify(list), JSON.stringify(shown), t.logs.text]) expect(text).not.toContain(TOKEN);
    const events = JSON.stringify(await auditEvents(t.database.db));
    expect(events).not.toContain(TOKEN);
  });

  it('seals the headers at rest', async () => {
    const created = await ok(d.admin.post('/v1/siem-sinks', body), 201);
    const { rows } = await sql<{ headers_sealed: Buffer; header_names: string[] }>`
      select headers_sealed, header_names from siem_sinks where id = ${created.id}`.execute(t.database.db);
    expect(rows[0]!.header_names).toEqual(['authorization']);
    expect(rows[0]!.headers_sealed.includes(Buffer.from(TOKEN))).toBe(false);
    expect(rows[0]!.headers_sealed.includes(Buffer.from('Splunk'))).toBe(false);
  });

  it('refuses other roles and tenants', async () => {
    const created = await ok(d.admin.post('/v1/siem-sinks', body), 201);
    await ok(officer.post('/v1/siem-sinks', body), 403);
    await ok(officer.patch(`/v1/siem-sinks/${created.id}`, { enabled: false }), 403);
    await ok(officer.delete(`/v1/siem-sinks/${created.id}`), 403);
    await ok(d.supervisor.get('/v1/siem-sinks'), 403);
    await ok(d.supervisor.get(`/v1/siem-sinks/${created.id}`), 403);
    await ok(other.admin.get(`/v1/siem-sinks/${created.id}`), 404);
    await ok(other.admin.patch(`/v1/siem-sinks/${created.id}`, { enabled: false }), 404);
    await ok(other.admin.delete(`/v1/siem-sinks/${created.id}`), 404);
    expect((await ok(other.admin.get('/v1/siem-sinks'))).items).toEqual([]);
    expect((await ok(d.admin.get(`/v1/siem-sinks/${created.id}`))).enabled).toBe(true);
  });

  it('passes the endpoint through the outbound-URL guard, and audits a refusal', async () => {
    for (const endpoint of [
      'http://127.0.0.1:4318',
      'https://internal.example.com',
      'https://169.254.169.254/latest',
      'ftp://siem.example.com',
      'https://user:pw@siem.example.com',
    ]) {
      const res = await d.admin.post('/v1/siem-sinks', { kind: 'otlp_http', endpoint });
      expect(res.statusCode, endpoint).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const created = await ok(d.admin.post('/v1/siem-sinks', body), 201);
    await ok(d.admin.patch(`/v1/siem-sinks/${created.id}`, { endpoint: 'https://internal.example.com' }), 422);
    expect((await ok(d.admin.get(`/v1/siem-sinks/${created.id}`))).endpoint).toBe(body.endpoint);
    const denied = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['action'].startsWith('siem_sink.') && e['outcome'] === 'denied',
    );
    expect(denied.map((e) => e['reasonCode'])).toEqual(expect.arrayContaining(['URL_address', 'URL_scheme']));
  });

  it('refuses bad input with 4xx problems', async () => {
    const bad = [
      { ...body, kind: 'syslog_udp' },
      { ...body, endpoint: '' },
      { ...body, headers: { 'Bad Name': 'x' } },
      { ...body, headers: { Host: 'evil.example.com' } },
      { ...body, headers: { 'X-Token': 'a\r\nInjected: 1' } },
      { ...body, extra: true },
    ];
    for (const input of bad) {
      const res = await d.admin.post('/v1/siem-sinks', input);
      expect(res.statusCode, JSON.stringify(input)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(input)).toBeLessThan(500);
    }
    await ok(d.admin.get('/v1/siem-sinks/not-a-uuid'), 400);
    await ok(d.admin.patch(`/v1/siem-sinks/${crypto.randomUUID()}`, {}), 400);
  });
});

describe('SIEM sinks over GraphQL', () => {
  const FIELDS =
    'id globalId kind endpoint headerNames caPem enabled delivery { cursorSeq headSeq lagEvents lagSeconds lastError }';
  it('the same service: create, list, read by node, update, delete; the token never shown', async () => {
    const created = await gqlOk(
      d.admin,
      `mutation($input: CreateSiemSinkInput!) { createSiemSink(input: $input) { ${FIELDS} } }`,
      {
        input: {
          kind: 'otlp_http',
          endpoint: body.endpoint,
          headers: [{ name: 'Authorization', value: `Splunk ${TOKEN}` }],
        },
      },
    );
    const sink = created.createSiemSink;
    expect(sink).toMatchObject({ kind: 'otlp_http', headerNames: ['authorization'], enabled: true, caPem: null });
    expect(JSON.stringify(created)).not.toContain(TOKEN);
    const list = await gqlOk(officer, `{ siemSinks(first: 50) { nodes { id } pageInfo { hasNextPage } } }`);
    expect(list.siemSinks.nodes.map((n: { id: string }) => n.id)).toContain(sink.id);
    const node = await gqlOk(
      officer,
      `query($id: ID!) { node(id: $id) { ... on SiemSink { id delivery { headSeq } } } }`,
      {
        id: sink.globalId,
      },
    );
    expect(node.node.id).toBe(sink.id);
    const updated = await gqlOk(
      d.admin,
      `mutation($id: ID!) { updateSiemSink(id: $id, input: { enabled: false, headers: [] }) { enabled headerNames } }`,
      { id: sink.id },
    );
    expect(updated.updateSiemSink).toEqual({ enabled: false, headerNames: [] });
    expect(await gqlCode(officer, `mutation($id: ID!) { deleteSiemSink(id: $id) }`, { id: sink.id })).toBe('FORBIDDEN');
    expect(await gqlCode(other.admin, `query($id: ID!) { siemSink(id: $id) { id } }`, { id: sink.id })).toBe(
      'NOT_FOUND',
    );
    expect(
      await gqlCode(
        d.admin,
        `mutation { createSiemSink(input: { kind: "otlp_http", endpoint: "https://internal.example.com" }) { id } }`,
      ),
    ).toBe('UNPROCESSABLE');
    await gqlOk(d.admin, `mutation($id: ID!) { deleteSiemSink(id: $id) }`, { id: sink.id });
    expect(t.logs.text).not.toContain(TOKEN);
  });
});
