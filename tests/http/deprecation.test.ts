// Deprecation notices (docs/versioning.md): a route declared `config.deprecated` answers with
// Deprecation (RFC 9745), Sunset (RFC 8594) and Link rel="deprecation", on errors too; other
// routes carry none; a notice that breaks the policy stops start-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { AppError } from '../../src/errors.js';
import { deprecationHeaders, minimumNoticeDays, registerDeprecationNotices } from '../../src/http/deprecation.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const notice = { since: '2026-07-01', sunset: '2027-01-31', link: 'https://docs.example.com/migrations/v1-widgets' };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    // throwaway routes on the real app, added after composition as a later area would be
    beforeReady: (app) => {
      app.get('/deprecated-probe', { config: { public: true, deprecated: notice } }, async () => ({ ok: true }));
      app.get('/deprecated-probe/fails', { config: { public: true, deprecated: notice } }, async () => {
        throw new AppError('NOT_FOUND', 'No such widget.');
      });
      app.get('/deprecated-probe/paged', { config: { public: true, deprecated: notice } }, async (_req, reply) =>
        reply.header('link', '</deprecated-probe?cursor=abc>; rel="next"').send({ ok: true }),
      );
      app.get('/current-probe', { config: { public: true } }, async () => ({ ok: true }));
    },
  });
});
afterAll(async () => t?.close());

describe('deprecated routes', () => {
  it('answer with Deprecation, Sunset and a deprecation Link', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/deprecated-probe' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['deprecation']).toBe(`@${Date.UTC(2026, 6, 1) / 1000}`);
    expect(res.headers['sunset']).toBe('Sun, 31 Jan 2027 00:00:00 GMT');
    expect(res.headers['link']).toBe(
      '<https://docs.example.com/migrations/v1-widgets>; rel="deprecation"; type="text/html"',
    );
  });

  it('carry the notice on error answers too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/deprecated-probe/fails' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['deprecation']).toMatch(/^@\d+$/);
    expect(res.headers['sunset']).toBeDefined();
  });

  it('keep a Link the route sets itself', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/deprecated-probe/paged' });
    expect(res.headers['link']).toBe(
      '</deprecated-probe?cursor=abc>; rel="next", <https://docs.example.com/migrations/v1-widgets>; rel="deprecation"; type="text/html"',
    );
  });

  it('leave other routes without a notice', async () => {
    for (const url of ['/current-probe', '/healthz']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['deprecation']).toBeUndefined();
      expect(res.headers['sunset']).toBeUndefined();
    }
  });
});

describe('deprecation notices that break the policy', () => {
  it('omit Sunset when no date is set yet', () => {
    expect(deprecationHeaders({ since: notice.since, link: notice.link })).not.toHaveProperty('sunset');
  });

  it.each([
    ['a malformed date', { ...notice, since: 'last summer' }, /ISO 8601/],
    ['a sunset too soon', { ...notice, sunset: '2026-08-01' }, new RegExp(`${minimumNoticeDays} days`)],
    ['a link that is not https', { ...notice, link: 'http://docs.example.com/x' }, /https URL/],
  ])('stop start-up on %s', async (_what, bad, message) => {
    expect(() => deprecationHeaders(bad)).toThrow(message);
    const app = Fastify();
    registerDeprecationNotices(app);
    expect(() => app.get('/x', { config: { deprecated: bad } }, async () => 'x')).toThrow(message);
    await app.close();
  });
});
