// Webhook endpoints over GraphQL: the same service as REST (policy, URL guard, secrets,
// attempts, replay), so a refused URL or role is refused alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { desk, gqlCode, gqlOk, ok, type Desk } from '../tickets/helpers.js';
import { Receiver, startWebhookApp, until } from './helpers.js';

let t: TestApp;
let d: Desk;
let r: Receiver;

beforeAll(async () => {
  t = await startWebhookApp();
  d = await desk(t);
  r = await new Receiver().start();
}, 60_000);
afterAll(async () => {
  await r?.stop();
  await t?.close();
});

const FIELDS = 'id url eventTypes baaId enabled consecutiveFailures';

describe('webhook endpoints over GraphQL', () => {
  it('register, list, deliver, list attempts, replay, disable, delete', async () => {
    const created = await gqlOk(
      d.admin,
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${FIELDS} } } }`,
      { input: { url: r.url, eventTypes: ['ticket.created'] } },
    );
    const { secret, endpoint } = created.createWebhookEndpoint;
    expect(endpoint).toMatchObject({ url: r.url, eventTypes: ['ticket.created'], enabled: true, baaId: null });
    const list = await gqlOk(d.admin, `{ webhookEndpoints { items { id } } }`);
    expect(list.webhookEndpoints.items.map((e: { id: string }) => e.id)).toContain(endpoint.id);

    await ok(d.supervisor.post('/v1/tickets', { subject: 'Over GraphQL' }), 201);
    const [arrival] = (
      await until(
        () => r.accepted(),
        (m) => m.size >= 1,
      )
    ).values();
    expect(Receiver.verify(secret, arrival!).type).toBe('ticket.created');
    const attempts = await until(
      async () =>
        (
          await gqlOk(
            d.admin,
            `query($id: ID!) { webhookAttempts(endpointId: $id) { items { deliveryId statusCode } } }`,
            {
              id: endpoint.id,
            },
          )
        ).webhookAttempts.items as Array<{ deliveryId: string; statusCode: number }>,
      (items) => items.length >= 1,
    );
    expect(attempts[0]).toMatchObject({ deliveryId: arrival!.id, statusCode: 200 });
    await gqlOk(d.admin, `mutation($e: ID!, $d: ID!) { replayWebhookDelivery(endpointId: $e, deliveryId: $d) }`, {
      e: endpoint.id,
      d: arrival!.id,
    });
    await until(
      () => r.arrivals.length,
      (n) => n >= 2,
    );
    expect(r.arrivals[1]!.id).toBe(arrival!.id);

    const disabled = await gqlOk(
      d.admin,
      `mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: false }) { enabled } }`,
      { id: endpoint.id },
    );
    expect(disabled.updateWebhookEndpoint.enabled).toBe(false);
    expect(
      (await gqlOk(d.admin, `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: endpoint.id }))
        .deleteWebhookEndpoint,
    ).toBe(true);
  }, 30_000);

  it('refuses a forbidden URL, an unknown event type and a role that may not manage endpoints', async () => {
    const create = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`;
    expect(
      await gqlCode(d.admin, create, { input: { url: 'http://169.254.169.254/', eventTypes: ['ticket.created'] } }),
    ).toBe('UNPROCESSABLE');
    expect(await gqlCode(d.admin, create, { input: { url: r.url, eventTypes: ['ticket.deleted'] } })).toBe(
      'VALIDATION_FAILED',
    );
    expect(await gqlCode(d.supervisor, create, { input: { url: r.url, eventTypes: ['ticket.created'] } })).toBe(
      'FORBIDDEN',
    );
    await ok(d.supervisor.get('/v1/webhook-endpoints'), 403);
  });
});
