// The agreements and webhook operations against openapi.yaml: every success response (and
// the refusals met on the way) validated against its documented schema, closed, so an
// undocumented field fails; every documented operation under these paths is exercised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, operationsUnder, uncheckedSuccesses } from '../contract/openapi-harness.js';
import type { TestApp } from '../helpers/app.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { desk, type Desk } from '../tickets/helpers.js';
import { Receiver, startWebhookApp, until } from './helpers.js';

let t: TestApp;
let d: Desk;
let officer: Client;
let r: Receiver;

beforeAll(async () => {
  t = await startWebhookApp();
  d = await desk(t);
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  r = await new Receiver().start();
}, 60_000);
afterAll(async () => {
  await r?.stop();
  await t?.close();
});

const prefixes = ['/v1/business-associate-agreements', '/v1/webhook-endpoints'];

describe('openapi.yaml: agreements and webhooks', () => {
  it('every operation answers as documented', async () => {
    const baaBody = { counterparty: 'Acme', scope: 'Claims', effectiveOn: '2026-01-01', expiresOn: '2099-01-01' };
    const baa = (await call({ as: officer, method: 'POST', url: prefixes[0]!, body: baaBody, expect: 201 })).json();
    await call({ as: officer, method: 'GET', url: prefixes[0]!, expect: 200 });
    await call({ as: officer, method: 'GET', url: `${prefixes[0]}/${baa.id}`, expect: 200 });
    await call({
      as: officer,
      method: 'PATCH',
      url: `${prefixes[0]}/${baa.id}`,
      body: { documentRef: 'x.pdf' },
      expect: 200,
    });
    await call({ as: d.supervisor, method: 'GET', url: prefixes[0]!, expect: 403 });

    const body = { url: r.url, eventTypes: ['ticket.created'], baaId: baa.id };
    const created = (await call({ as: d.admin, method: 'POST', url: prefixes[1]!, body, expect: 201 })).json();
    const id = created.endpoint.id;
    await call({
      as: d.admin,
      method: 'POST',
      url: prefixes[1]!,
      body: { url: 'http://169.254.169.254/', eventTypes: ['ticket.created'] },
      expect: 422,
    });
    await call({ as: d.admin, method: 'GET', url: prefixes[1]!, expect: 200 });
    await call({ as: officer, method: 'GET', url: `${prefixes[1]}/${id}`, expect: 200 });
    await call({
      as: d.admin,
      method: 'PATCH',
      url: `${prefixes[1]}/${id}`,
      body: { description: 'CRM' },
      expect: 200,
    });
    await call({ as: d.admin, method: 'POST', url: `${prefixes[1]}/${id}/rotate-secret`, body: {}, expect: 200 });
    await d.supervisor.post('/v1/tickets', { subject: 'Contract' });
    await until(
      () => r.accepted().size,
      (n) => n >= 1,
    );
    const attempts = await until(
      async () =>
        (await call({ as: d.admin, method: 'GET', url: `${prefixes[1]}/${id}/attempts`, expect: 200 })).json(),
      (page: { items: Array<{ deliveryId: string }> }) => page.items.length >= 1,
    );
    const deliveryId = attempts.items[0]!.deliveryId;
    await call({
      as: d.admin,
      method: 'POST',
      url: `${prefixes[1]}/${id}/deliveries/${deliveryId}/replay`,
      expect: 202,
    });
    await call({ as: officer, method: 'POST', url: `${prefixes[0]}/${baa.id}/terminate`, expect: 200 });
    await call({ as: d.admin, method: 'DELETE', url: `${prefixes[1]}/${id}`, expect: 204 });
    await call({ as: d.admin, method: 'GET', url: `${prefixes[1]}/${id}`, expect: 404 });

    expect(uncheckedSuccesses(operationsUnder(prefixes))).toEqual([]);
  }, 30_000);
});
