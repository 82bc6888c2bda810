// The OTLP exporter against a real loopback receiver (node:http on 127.0.0.1): the batch
// arrives at /v1/logs as an ExportLogsServiceRequest in the order given, only a 2xx is an
// acknowledgement, a receiver that is down is not, and the auth token is sent but never
// returned in the outcome. No database here: the streamer and its cursor are in streaming.test.ts.
import { createServer, type Server, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../src/siem/otlp-export.js';
import type { AuditEvent } from '../../src/audit/index.js';

const policy = { allowPrivate: true, allowHttpLoopback: true };
const tenantId = '00000000-0000-4000-8000-000000000001';
const CANARY_TOKEN = 'canary-siem-token-7d1f';

function event(seq: number, outcome: AuditEvent['outcome'] = 'allowed'): AuditEvent {
  return {
    tenantId,
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    occurredAt: '2026-12-06T12:00:00.000Z',
    actor: { id: 'user-1', kind: 'user', authMethod: 'jwt' },
    action: 'ticket.read',
    resource: { type: 'ticket', id: `t-${seq}` },
    phiFields: [],
    outcome,
    prevHash: 'a'.repeat(64),
    hash: String(seq).padStart(64, '0'),
  } as AuditEvent;
}

interface Received {
  path: string | undefined;
  auth: string | undefined;
  body: unknown;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function receiver(status: number, received: Received[]): Promise<string> {
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url,
        auth: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString()),
      });
      res.writeHead(status).end('{}');
    });
  });
  return new Promise((resolve) =>
    server!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)),
  );
}

describe('OTLP/HTTP JSON export', () => {
  it('posts the batch to /v1/logs in order and treats a 2xx as acknowledged', async () => {
    const received: Received[] = [];
    const endpoint = await receiver(200, received);
    const outcome = await exportBatch(
      { endpoint: `${endpoint}/`, headers: { authorization: `Bearer ${CANARY_TOKEN}` } },
      tenantId,
      [event(1), event(2, 'denied'), event(3)],
      { policy, timeoutMs: 2000 },
    );
    expect(outcome).toEqual({ acknowledged: true, status: 200 });
    expect(JSON.stringify(outcome)).not.toContain(CANARY_TOKEN);
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/v1/logs');
    expect(received[0]!.auth).toBe(`Bearer ${CANARY_TOKEN}`);
    const body = received[0]!.body as {
      resourceLogs: Array<{
        resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
        scopeLogs: Array<{
          logRecords: Array<{
            severityText: string;
            attributes: Array<{ key: string; value: Record<string, string> }>;
          }>;
        }>;
      }>;
    };
    const resource = body.resourceLogs[0]!;
    expect(resource.resource.attributes).toContainEqual({ key: 'phidesk.tenant.id', value: { stringValue: tenantId } });
    const records = resource.scopeLogs[0]!.logRecords;
    const attr = (i: number, key: string) => records[i]!.attributes.find((a) => a.key === key)?.value;
    expect(records.map((_, i) => attr(i, 'phidesk.audit.seq'))).toEqual([
      { intValue: '1' },
      { intValue: '2' },
      { intValue: '3' },
    ]);
    expect(attr(1, 'phidesk.audit.outcome')).toEqual({ stringValue: 'denied' });
    expect(records[1]!.severityText).toBe('WARN');
    expect(attr(0, 'phidesk.audit.hash')).toEqual({ stringValue: '0'.repeat(63) + '1' });
  });

  it('does not acknowledge a 5xx', async () => {
    const endpoint = await receiver(503, []);
    const outcome = await exportBatch({ endpoint, headers: {} }, tenantId, [event(1)], { policy, timeoutMs: 2000 });
    expect(outcome).toEqual({ acknowledged: false, outcome: { status: 503 } });
  });

  it('does not acknowledge a receiver that is down', async () => {
    const endpoint = await receiver(200, []);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const outcome = await exportBatch({ endpoint, headers: {} }, tenantId, [event(1)], { policy, timeoutMs: 2000 });
    expect(outcome).toEqual({ acknowledged: false, outcome: { error: 'network' } });
  });

  it('refuses a loopback receiver unless private URLs are allowed', async () => {
    const received: Received[] = [];
    const endpoint = await receiver(200, received);
    const outcome = await exportBatch({ endpoint, headers: {} }, tenantId, [event(1)], {
      policy: { allowPrivate: false, allowHttpLoopback: true },
      timeoutMs: 2000,
    });
    expect(outcome).toEqual({ acknowledged: false, outcome: { error: 'url_refused' } });
    expect(received).toHaveLength(0);
  });
});
