// The typed client (clients/typescript) against the real server on 127.0.0.1: a create,
// a paginated list, typed errors, idempotent creates surviving a lost answer, and retries
// on 429 (the server's own rate limit) and 5xx (a loopback proxy that loses answers).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPhideskClient,
  paginate,
  PhideskError,
  unwrap,
  type RetryInfo,
} from '../../clients/typescript/src/index.js';
import { mintApiKey, startRunningServer, type RunningServer } from './running-server.js';

let server: RunningServer;
let integrationKey: string;

beforeAll(async () => {
  // a small per-credential budget in a short window, so one test can run into it
  server = await startRunningServer({ RATE_LIMIT_MAX: '40', RATE_LIMIT_WINDOW_MS: '4000' });
  integrationKey = await mintApiKey(server, ['integration'], ['tickets:write', 'tickets:read', 'phi:read']);
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 30_000);

describe('the typed client against a running server', () => {
  it('creates a ticket and reads it back, typed end to end', async () => {
    const phidesk = createPhideskClient({ baseUrl: server.base, apiKey: integrationKey });
    const created = await phidesk.POST('/v1/tickets', { body: { subject: 'Client test: refill', priority: 'high' } });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const ticket = created.data!;
    expect(ticket.priority).toBe('high');
    const read = unwrap(await phidesk.GET('/v1/tickets/{id}', { params: { path: { id: ticket.id } } }));
    expect(read.id).toBe(ticket.id);
    expect(read.subject).toBe('Client test: refill');
  });

  it('lists every ticket through cursor pagination', async () => {
    const phidesk = createPhideskClient({ baseUrl: server.base, apiKey: integrationKey });
    const tag = `page-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(unwrap(await phidesk.POST('/v1/tickets', { body: { subject: `Paged ${i}`, tags: [tag] } })).id);
    let pages = 0;
    const listed: string[] = [];
    for await (const t of paginate((cursor) => {
      pages++;
      return phidesk.GET('/v1/tickets', { params: { query: { tag, limit: 2, ...(cursor ? { cursor } : {}) } } });
    }))
      listed.push(t.id);
    expect(listed).toEqual(ids); // oldest first, each once
    expect(pages).toBe(3);
  });

  it('gives typed problem documents for errors', async () => {
    const phidesk = createPhideskClient({ baseUrl: server.base, apiKey: integrationKey });
    const missing = await phidesk.GET('/v1/tickets/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('NOT_FOUND');
    const invalid = await phidesk.POST('/v1/tickets', { body: { subject: '' } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error?.code).toBe('VALIDATION_FAILED');
    const forbidden = createPhideskClient({ baseUrl: server.base, apiKey: 'phk_not_a_real_key' });
    const refused = await forbidden.GET('/v1/me');
    expect(refused.error?.code).toBe('API_KEY_INVALID');
    // unwrap turns the same answer into an exception carrying the code
    await expect(forbidden.GET('/v1/me').then(unwrap)).rejects.toMatchObject({
      name: 'PhideskError',
      status: 401,
      code: 'API_KEY_INVALID',
    } satisfies Partial<PhideskError>);
  });

  it("replays an idempotent create instead of creating it twice, with the caller's own key", async () => {
    const phidesk = createPhideskClient({ baseUrl: server.base, apiKey: integrationKey });
    const key = `order-${Date.now()}`;
    const body = { subject: 'Idempotent create' };
    const first = await phidesk.POST('/v1/tickets', { body, params: { header: { 'Idempotency-Key': key } } });
    const again = await phidesk.POST('/v1/tickets', { body, params: { header: { 'Idempotency-Key': key } } });
    expect(again.data!.id).toBe(first.data!.id);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
  });

  it('waits out a 429 as Retry-After says, and gives the 429 back when retries are off', async () => {
    const ownKey = await mintApiKey(server, ['integration'], ['tickets:read']); // a budget of its own
    const bare = createPhideskClient({ baseUrl: server.base, apiKey: ownKey, retry: false });
    // all at once, so the budget runs out well inside one window
    const burst = await Promise.all(
      Array.from({ length: 45 }, () => bare.GET('/v1/tickets', { params: { query: { limit: 1 } } })),
    );
    const refused = burst.find((r) => r.response.status === 429);
    expect(refused?.error?.code).toBe('RATE_LIMITED');
    expect(Number(refused?.response.headers.get('retry-after'))).toBeGreaterThan(0);

    const retries: RetryInfo[] = [];
    const patient = createPhideskClient({
      baseUrl: server.base,
      apiKey: ownKey,
      retry: { maxRetries: 5, onRetry: (r) => retries.push(r) },
    });
    // another burst past the budget: every call ends in 200, the refused ones after waiting
    const answers = await Promise.all(
      Array.from({ length: 45 }, () => patient.GET('/v1/tickets', { params: { query: { limit: 1 } } })),
    );
    expect(answers.map((a) => a.response.status)).toEqual(answers.map(() => 200));
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]!.status).toBe(429);
    expect(retries[0]!.delayMs).toBeGreaterThan(0);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(4000);
  }, 30_000);

  describe('behind a proxy that loses the first answer (502 after the server did the work)', () => {
    let proxy: Server;
    let proxyBase: string;
    let lose = 0;
    beforeAll(async () => {
      proxy = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'connection'),
          ) as Record<string, string>;
          const upstream = await fetch(`${server.base}${req.url}`, {
            method: req.method!,
            headers,
            ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
          });
          const text = await upstream.text();
          if (lose > 0) {
            lose--;
            res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
            return;
          }
          res.writeHead(upstream.status, Object.fromEntries(upstream.headers)).end(text);
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      proxy?.closeAllConnections();
      await new Promise((resolve) => proxy?.close(resolve));
    });

    it('retries a create with its automatic Idempotency-Key: one ticket, the replayed answer', async () => {
      const retries: RetryInfo[] = [];
      const phidesk = createPhideskClient({
        baseUrl: proxyBase,
        apiKey: integrationKey,
        retry: { baseDelayMs: 10, onRetry: (r) => retries.push(r) },
      });
      const tag = `lost-${Date.now()}`;
      lose = 1;
      const created = await phidesk.POST('/v1/tickets', { body: { subject: 'Lost answer', tags: [tag] } });
      expect(created.response.status).toBe(201);
      expect(created.response.headers.get('idempotent-replayed')).toBe('true');
      expect(retries.map((r) => r.status)).toEqual([502]);
      const listed = unwrap(await phidesk.GET('/v1/tickets', { params: { query: { tag } } }));
      expect(listed.items.map((t) => t.id)).toEqual([created.data!.id]);
    });

    it('does not repeat a create without an Idempotency-Key', async () => {
      const retries: RetryInfo[] = [];
      const phidesk = createPhideskClient({
        baseUrl: proxyBase,
        apiKey: integrationKey,
        idempotency: false,
        retry: { baseDelayMs: 10, onRetry: (r) => retries.push(r) },
      });
      lose = 1;
      const created = await phidesk.POST('/v1/tickets', { body: { subject: 'Not repeated' } });
      expect(created.response.status).toBe(502);
      expect(retries).toEqual([]);
    });

    it('gives up after maxRetries on an answer that keeps failing', async () => {
      const retries: RetryInfo[] = [];
      const phidesk = createPhideskClient({
        baseUrl: proxyBase,
        apiKey: integrationKey,
        retry: { maxRetries: 2, baseDelayMs: 10, onRetry: (r) => retries.push(r) },
      });
      lose = 10;
      const read = await phidesk.GET('/v1/me');
      lose = 0;
      expect(read.response.status).toBe(502);
      expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    });
  });
});
