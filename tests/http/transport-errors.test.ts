// Issue 12, finding 6 (transport parts): every refusal is problem+json, or a GraphQL error
// with the HTTP status of what went wrong, never Node's or Fastify's own body and never a
// 200 for a request that was not processed.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../src/http/problem.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, seedTenant } from '../helpers/actors.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t?.close());

/** Sends raw bytes on a fresh connection and returns everything the server wrote before closing it. */
function rawExchange(request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => (chunks.length > 0 ? undefined : reject(e)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(request);
  });
}

describe('requests the HTTP parser refuses', () => {
  it('a 20 KB header is 431 problem+json HEADERS_TOO_LARGE, and the connection closes', async () => {
    const res = await rawExchange(
      `GET /healthz HTTP/1.1\r\nhost: localhost\r\nx-padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['connection']).toBe('close');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    const problem = JSON.parse(res.body);
    expect(problem).toMatchObject({
      status: 431,
      code: 'HEADERS_TOO_LARGE',
      title: 'Request Header Fields Too Large',
      type: expect.stringContaining('headers-too-large'),
    });
    expect(problem.requestId).toBe(res.headers['x-request-id']);
  });

  it('a malformed request (NUL in a header value) is 400 problem+json', async () => {
    const res = await rawExchange('GET /healthz HTTP/1.1\r\nhost: localhost\r\nx-thing: a\u0000b\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('a normal request on the same server still works', async () => {
    const res = await rawExchange('GET /healthz HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n');
    expect(res.status).toBe(200);
  });
});

describe('requests the router refuses', () => {
  it("a path that is not valid percent-encoded UTF-8 is 400 problem+json, not Fastify's own body", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/tickets/%ED%A0%80' });
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST', detail: 'The request URL is not valid.' });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });
});

describe('POST /graphql that is not a GraphQL request', () => {
  it('a body that is not JSON is 400 with a GraphQL error, not 200', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{ __typename }',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('a content type it does not take is 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/xml' },
      payload: '<query/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
  });

  it('a query text that is JSON is a syntax error, not an AST to run', async () => {
    for (const query of ['1', '{"kind":"Document","definitions":[{}]}']) {
      const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        message: expect.stringMatching(/^Syntax Error/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
  });

  it('bad credentials are 401, as on REST', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-api-key': 'phk_nope' },
      payload: { query: '{ me { kind } }' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().errors[0].extensions.code).toBe('API_KEY_INVALID');
  });
});

describe('GraphQL values the resolvers cannot use', () => {
  it('an invalid DateTime variable is 400 VALIDATION_FAILED, not INTERNAL', async () => {
    const tenant = await seedTenant(t);
    const res = await client(t.app, { apiKey: tenant.adminKey }).post('/graphql', {
      query: 'query($f: TicketFilter) { tickets(filter: $f) { items { id } } }',
      variables: { f: { updatedSince: 'yesterday' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      message: 'Variable "$f" has an invalid value.',
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });

  it('a malformed id names no record (NOT_FOUND before any SQL); a value PostgreSQL still rejects would be 400, never INTERNAL', async () => {
    const tenant = await seedTenant(t);
    const body = await client(t.app, { apiKey: tenant.adminKey }).gql('{ user(id: "not-a-uuid") { id } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    // the safety net behind validation, fed a real data exception from PostgreSQL (SQLSTATE 22P02)
    const dbError = await sql`select ${'not-a-uuid'}::uuid`.execute(t.database.db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(dbError).toMatchObject({ code: '22P02' });
    expect(toAppError(dbError)).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
  });
});
