import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { LogCapture, startTestApp, testConfig, testMasterKey, type TestApp } from '../helpers/app.js';
import { composeApp } from '../../src/compose.js';
import { connectDatabase } from '../../src/db/kysely.js';
import { AppError } from '../../src/errors.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    env: { BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://frontend.example' },
    // Test-only routes exercise the error mapping; they go through the same hooks as real ones.
    beforeReady: (app) => {
      app.post(
        '/v1/_test/echo',
        {
          config: { policy: 'authenticated' },
          schema: {
            body: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: { name: { type: 'string', maxLength: 5 } },
            },
          },
        },
        async (req) => req.body,
      );
      app.get('/v1/_test/boom', { config: { public: true } }, async () => {
        throw new Error('secret internal detail');
      });
      app.get('/v1/_test/conflict', { config: { public: true } }, async () => {
        throw new AppError('CONFLICT', 'Already exists.');
      });
      app.post('/v1/_test/public-echo', { config: { public: true } }, async (req) => req.body);
    },
  });
});
afterAll(async () => t.close());

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): any },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({
    status,
    code,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.stringContaining('problems/'),
  });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('health', () => {
  it('/healthz answers 200', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 when the database is reachable and migrations are current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    // details: SIEM streaming lag, counts only (no sinks here)
    expect(res.json()).toEqual({ status: 'ready', details: { siem: { sinks: 0, events: 0, seconds: 0 } } });
  });
});

describe('readiness failures', () => {
  it('/readyz is 503 naming pending migrations', async () => {
    const other = await startTestApp();
    try {
      await sql`delete from kysely_migration`.execute(other.database.db);
      const res = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'NOT_READY', detail: expect.stringMatching(/migration\(s\) pending/) });
    } finally {
      await other.close();
    }
  });

  it('/readyz is 503 when the database is unreachable', async () => {
    const nowhere = connectDatabase('postgres://postgres@127.0.0.1:1/none', { poolMax: 1 });
    const app = await composeApp({
      config: await testConfig(),
      db: nowhere.db,
      logStream: new LogCapture(),
      masterKey: await testMasterKey(),
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'NOT_READY', detail: 'database unreachable' });
    } finally {
      await app.close();
      await nowhere.close();
    }
  });
});

describe('problem+json errors', () => {
  it('401 without credentials on a protected route', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/v1/me' }), 401, 'UNAUTHENTICATED');
  });

  it('401 with a bad bearer token', async () => {
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: 'Bearer nonsense' } }),
      401,
      'TOKEN_INVALID',
    );
  });

  it('404 for an unknown route', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404, 'NOT_FOUND');
  });

  it('405 with Allow for a known path and wrong method', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/healthz' });
    expectProblem(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers['allow']).toContain('GET');
  });

  it('400 for invalid JSON', async () => {
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/v1/_test/public-echo',
        headers: { 'content-type': 'application/json' },
        payload: '{"a":',
      }),
      400,
      'BAD_REQUEST',
    );
  });

  it('415 for an unsupported content type', async () => {
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/v1/_test/public-echo',
        headers: { 'content-type': 'application/x-yaml' },
        payload: 'a: 1',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('413 for a body over the limit', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/v1/_test/public-echo', payload: { pad: 'x'.repeat(4096) } }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('409 from a service conflict', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/v1/_test/conflict' }), 409, 'CONFLICT');
  });

  it('500 hides the internal detail', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/_test/boom' });
    const body = expectProblem(res, 500, 'INTERNAL');
    expect(res.body).not.toContain('secret internal detail');
    expect(body.detail).toBe('An internal error occurred.');
  });
});

describe('headers', () => {
  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'req-12345678' } });
    expect(ok.headers['x-request-id']).toBe('req-12345678');
    const bad = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets no-store and helmet headers by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/me' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('allows only configured CORS origins', async () => {
    const allowed = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/me',
      headers: { origin: 'https://frontend.example', 'access-control-request-method': 'GET' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://frontend.example');
    const denied = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/me',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('contract endpoints', () => {
  it('serves openapi.yaml and /docs', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/openapi.yaml' });
    expect(spec.statusCode).toBe(200);
    expect(spec.body).toMatch(/^openapi: 3\.1/);
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers GraphQL at /graphql', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('GraphQL validation errors carry extensions.code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ nope }' } });
    expect(res.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After past the baseline', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_MAX: '3' } });
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = await limited.app.inject({ method: 'GET', url: '/v1/me' });
        codes.push(last.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      expectProblem(last!, 429, 'RATE_LIMITED');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      // probes are never throttled
      expect((await limited.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('log redaction', () => {
  it('a canary sent in a body that fails validation reaches no log line', async () => {
    const canary = 'CANARY-Jane-Doe-1970-01-01-MRN-8675309';
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/_test/echo?ssn=' + encodeURIComponent(canary),
      headers: { authorization: `Bearer ${canary}`, 'x-api-key': canary, cookie: `s=${canary}` },
      payload: { name: canary, extra: canary },
    });
    expect(res.statusCode).toBe(401);
    const res2 = await t.app.inject({
      method: 'POST',
      url: '/v1/_test/public-echo',
      headers: { 'content-type': 'application/json' },
      payload: `{"name": "${canary}"`,
    });
    expect(res2.statusCode).toBe(400);
    expect(t.logs.lines.length).toBeGreaterThan(0);
    const lowered = t.logs.text.toLowerCase();
    for (const form of [
      canary,
      canary.toLowerCase(),
      Buffer.from(canary).toString('base64'),
      encodeURIComponent(canary),
    ]) {
      expect(lowered).not.toContain(form.toLowerCase());
    }
  });
});
