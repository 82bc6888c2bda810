// Syslog over TLS (RFC 5424 messages, RFC 6587 octet counting, RFC 5425 transport) to a
// loopback receiver with a self-signed certificate made by openssl for this run: the
// receiver gets every chained event of its tenant in seq order, also after it was down a
// while, compared with the stored chain; the message format escapes structured data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/audit/index.js';
import { escapeParam, octetCounted, parseOctetCounted, toSyslogMessage } from '../../src/siem/syslog-format.js';
import type { TestApp } from '../helpers/app.js';
import { desk, ok, type Desk } from '../tickets/helpers.js';
import { chainOf, startSiemApp, until, webhookEnv } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'phidesk-syslog-'));
execFileSync('/usr/bin/openssl', [
  'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1',
  '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1',
], { stdio: 'ignore' }); // prettier-ignore
const key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
const cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');

/** A TLS syslog receiver: reads each connection to its end, splits the frames, then closes. */
class SyslogReceiver {
  readonly messages: string[] = [];
  private server: Server | undefined;
  port = 0;
  async start(port = 0): Promise<this> {
    this.server = createServer({ key, cert }, (socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => {
        this.messages.push(...parseOctetCounted(Buffer.concat(chunks)));
        socket.end();
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
  /** seq, event id, hash and tenant from each message's structured data */
  records() {
    return this.messages.map((m) => ({
      seq: Number(/ seq="(\d+)"/.exec(m)![1]),
      eventId: /eventId="([^"]+)"/.exec(m)![1]!,
      hash: /hash="([0-9a-f]+)"/.exec(m)![1]!,
      tenant: /tenant="([^"]+)"/.exec(m)![1]!,
    }));
  }
}

describe('syslog message format', () => {
  const event = {
    tenantId: 't',
    seq: 7,
    id: 'e7',
    occurredAt: '2026-12-06T12:00:00.000Z',
    actor: { id: 'u"1]\\', kind: 'user', authMethod: 'jwt' },
    action: 'ticket.read',
    resource: { type: 'Ticket', id: 'x' },
    phiFields: [],
    outcome: 'denied',
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
  } as unknown as AuditEvent;

  it('is RFC 5424 with facility log audit, the chain in structured data, escaped, and octet-counted', () => {
    const m = toSyslogMessage('tenant-1', event);
    expect(m.startsWith('<108>1 2026-12-06T12:00:00.000Z phidesk phidesk - ticket.read [phidesk@32473 ')).toBe(true);
    expect(m).toContain('seq="7"');
    expect(m).toContain('actorId="u\\"1\\]\\\\"');
    expect(escapeParam('a"b]c\\')).toBe('a\\"b\\]c\\\\');
    expect(JSON.parse(m.slice(m.indexOf('] {') + 2)).seq).toBe(7);
    const framed = octetCounted([m, 'é']);
    expect(framed.toString('utf8').startsWith(`${Buffer.byteLength(m)} <108>`)).toBe(true);
    expect(parseOctetCounted(framed)).toEqual([m, 'é']);
  });
});

describe('streaming over syslog/TLS', () => {
  let t: TestApp;
  let d: Desk;
  const r = new SyslogReceiver();
  beforeAll(async () => {
    t = await startSiemApp({ env: webhookEnv });
    d = await desk(t);
  }, 60_000);
  afterAll(async () => {
    await r.stop();
    await t?.close();
  });

  async function caughtUp() {
    return until(
      async () => ({ chain: await chainOf(t.database.db, d.tenantId), got: r.records() }),
      (v) => v.chain.pending === 0 && v.got.at(-1)?.seq === v.chain.events.length,
      20_000,
    );
  }

  it('every event of the tenant, in order, after the receiver was down', async () => {
    await r.start();
    const sink = await ok(
      d.admin.post('/v1/siem-sinks', { kind: 'syslog_tls', endpoint: `tls://127.0.0.1:${r.port}`, caPem: cert }),
      201,
    );
    expect(sink).toMatchObject({ kind: 'syslog_tls', caPem: cert, headerNames: [] });
    for (let i = 0; i < 3; i++) await ok(d.supervisor.post('/v1/tickets', { subject: 'x' }), 201);
    await caughtUp();

    const port = r.port;
    await r.stop();
    for (let i = 0; i < 3; i++) await ok(d.supervisor.post('/v1/tickets', { subject: 'y' }), 201);
    await until(
      async () => (await ok(d.admin.get(`/v1/siem-sinks/${sink.id}`))).delivery,
      (dl) => dl.lastError === 'network' && dl.lagEvents > 0,
    );
    await r.start(port);
    const { chain, got } = await caughtUp();
    expect(got.map(({ seq, eventId, hash }) => ({ seq, eventId, hash }))).toEqual(chain.events);
    expect(new Set(got.map((g) => g.tenant))).toEqual(new Set([d.tenantId]));
  }, 60_000);

  it('refuses a syslog endpoint that is not tls://host:port, and headers or a bad CA', async () => {
    for (const input of [
      { kind: 'syslog_tls', endpoint: 'https://127.0.0.1:6514' },
      { kind: 'syslog_tls', endpoint: 'tls://127.0.0.1' },
      { kind: 'syslog_tls', endpoint: 'tls://169.254.169.254:6514' },
      { kind: 'syslog_tls', endpoint: 'tls://127.0.0.1:6514', headers: { authorization: 'x' } },
      { kind: 'syslog_tls', endpoint: 'tls://127.0.0.1:6514', caPem: 'not a certificate' },
      { kind: 'otlp_http', endpoint: 'tls://127.0.0.1:6514' },
      { kind: 'otlp_http', endpoint: 'http://127.0.0.1:4318', caPem: cert },
    ]) {
      const res = await d.admin.post('/v1/siem-sinks', input);
      expect([400, 422], JSON.stringify(input)).toContain(res.statusCode);
    }
  });
});
