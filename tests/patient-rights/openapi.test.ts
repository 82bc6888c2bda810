// The patient-rights operations against openapi.yaml: every success response (and the
// refusals met on the way) validated against its documented schema, closed, so an
// undocumented field fails; every documented operation under these paths is exercised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, operationsUnder, uncheckedSuccesses } from '../contract/openapi-harness.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client } from '../helpers/actors.js';
import { ok } from '../tickets/helpers.js';
import { patient, rightsDesk, type RightsDesk } from './helpers.js';

let t: TestApp;
let d: RightsDesk;

beforeAll(async () => {
  t = await startTestApp();
  d = await rightsDesk(t);
}, 60_000);
afterAll(async () => t?.close());

const prefixes = ['/v1/access-requests', '/v1/access-request-downloads', '/v1/disclosures', '/v1/accounting-requests'];

describe('openapi.yaml: patient rights', () => {
  it('every operation answers as documented', async () => {
    const p = await patient(d, 'CONTRACT', 1);
    const as = d.officer;
    const opened = (
      await call({
        as,
        method: 'POST',
        url: '/v1/access-requests',
        body: { contactId: p.id, verificationMethod: 'government_id', verificationNote: 'ID card' },
        expect: 201,
      })
    ).json();
    await call({
      as,
      method: 'POST',
      url: '/v1/access-requests',
      body: { contactId: p.id, verificationMethod: 'nope' },
      expect: 400,
      schemaInvalid: true,
    });
    await call({ as, method: 'GET', url: '/v1/access-requests?timing=due_soon', expect: 200 });
    await call({ as: d.admin, method: 'GET', url: `/v1/access-requests/${opened.id}`, expect: 200 });
    await call({ as: d.supervisor, method: 'GET', url: `/v1/access-requests/${opened.id}`, expect: 403 });
    await call({
      as,
      method: 'POST',
      url: `/v1/access-requests/${opened.id}/extend`,
      body: { reason: 'Archive' },
      expect: 200,
    });
    await call({
      as,
      method: 'POST',
      url: `/v1/access-requests/${opened.id}/extend`,
      body: { reason: 'Again' },
      expect: 409,
    });
    const done = (
      await call({ as, method: 'POST', url: `/v1/access-requests/${opened.id}/fulfil`, expect: 200 })
    ).json();
    await call({ as: client(t.app), method: 'GET', url: done.download.url, expect: 401 });
    await call({ as: d.admin, method: 'GET', url: done.download.url, expect: 403 });
    await call({ as, method: 'GET', url: done.download.url, expect: 200 });
    await call({ as, method: 'GET', url: done.download.url, expect: 404 });
    const second = await ok(
      as.post('/v1/access-requests', { contactId: p.id, verificationMethod: 'portal_account' }),
      201,
    );
    await call({
      as,
      method: 'POST',
      url: `/v1/access-requests/${second.id}/deny`,
      body: { ground: 'privacy_act', note: 'Federal record' },
      expect: 200,
    });

    await call({
      as,
      method: 'POST',
      url: '/v1/disclosures',
      body: {
        contactId: p.id,
        disclosedAt: '2026-11-20T09:30:00Z',
        recipient: 'County Health Department',
        recipientAddress: '1 Main St',
        description: 'Test result',
        purpose: 'public_health',
      },
      expect: 201,
    });
    await call({ as, method: 'GET', url: `/v1/disclosures?contactId=${p.id}`, expect: 200 });
    const acc = (
      await call({ as, method: 'POST', url: '/v1/accounting-requests', body: { contactId: p.id }, expect: 201 })
    ).json();
    await call({
      as,
      method: 'POST',
      url: '/v1/accounting-requests',
      body: { contactId: '00000000-0000-4000-8000-000000000000' },
      expect: 422,
    });
    await call({ as, method: 'GET', url: '/v1/accounting-requests?timing=overdue', expect: 200 });
    await call({ as, method: 'GET', url: `/v1/accounting-requests/${acc.id}`, expect: 200 });
    await call({
      as,
      method: 'POST',
      url: `/v1/accounting-requests/${acc.id}/extend`,
      body: { reason: 'Awaiting a BA' },
      expect: 200,
    });
    await call({ as, method: 'GET', url: `/v1/accounting-requests/${acc.id}/report`, expect: 200 });
    await call({ as, method: 'POST', url: `/v1/accounting-requests/${acc.id}/fulfil`, expect: 200 });
    await call({ as, method: 'GET', url: '/v1/accounting-requests/00000000-0000-4000-8000-000000000000', expect: 404 });

    expect(uncheckedSuccesses(operationsUnder(prefixes))).toEqual([]);
  }, 60_000);
});
