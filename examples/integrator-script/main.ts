// An integrator's script with an API key: it files tickets from another system without ever
// filing one twice, rides out rate limits and server hiccups, and receives phidesk's
// webhooks, checking each signature before trusting it.
//   PHIDESK_URL=http://127.0.0.1:8080 \
//   PHIDESK_API_KEY=phk_...      (an integration key with tickets:write and tickets:read)
//   PHIDESK_ADMIN_KEY=phk_...    (a tenant admin key, to register the webhook endpoint)
//     node --import tsx examples/integrator-script/main.ts
// The server must allow webhooks to loopback for this demo receiver: ALLOW_PRIVATE_URLS=true.
// In your own project, import from '@phidesk/client' (clients/typescript) instead.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createPhideskClient, unwrap, type RetryInfo } from '../../clients/typescript/src/index.js';

const baseUrl = process.env['PHIDESK_URL'] ?? 'http://127.0.0.1:8080';
const apiKey = process.env['PHIDESK_API_KEY'];
const adminKey = process.env['PHIDESK_ADMIN_KEY'];
if (!apiKey || !adminKey) throw new Error('set PHIDESK_API_KEY and PHIDESK_ADMIN_KEY');

// Retries are on by default: 429 after Retry-After, 5xx and network errors with backoff
// (creates only with an Idempotency-Key, which the client adds), at most 3 retries.
const retries: RetryInfo[] = [];
const phidesk = createPhideskClient({
  baseUrl,
  apiKey,
  retry: { maxRetries: 5, onRetry: (r) => retries.push(r) },
});
const admin = createPhideskClient({ baseUrl, apiKey: adminKey });

// 1. A webhook receiver. Deliveries are at least once: deduplicate by webhook-id (a real
// receiver keeps the ids in a durable store) and answer 2xx fast.
let verifier: Webhook | undefined;
const seen = new Set<string>();
const received: { type: string; data: Record<string, unknown> }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => {
    const headers = {
      'webhook-id': String(req.headers['webhook-id']),
      'webhook-timestamp': String(req.headers['webhook-timestamp']),
      'webhook-signature': String(req.headers['webhook-signature']),
    };
    try {
      if (!verifier) throw new Error('not ready');
      // checks the HMAC over id.timestamp.body and refuses timestamps more than 5 minutes off
      const event = verifier.verify(body, headers) as { type: string; data: Record<string, unknown> };
      if (!seen.has(headers['webhook-id'])) {
        seen.add(headers['webhook-id']);
        received.push(event);
      }
      res.writeHead(204).end();
    } catch {
      res.writeHead(400).end(); // phidesk retries; a forged delivery never gets through
    }
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/phidesk`;

let endpointId: string | undefined;
try {
  // 2. Register the receiver (a tenant admin does this once); the secret is shown only now.
  const registered = unwrap(
    await admin.POST('/v1/webhook-endpoints', { body: { url: hookUrl, eventTypes: ['ticket.created'] } }),
  );
  endpointId = registered.endpoint.id;
  verifier = new Webhook(registered.secret);
  console.log('webhook endpoint registered');

  // 3. Idempotent creates: the key comes from the source record, so a rerun of this script
  // after a crash (or a retry after a lost answer) finds the ticket instead of filing another.
  const sourceRecord = { id: `crm-${randomUUID()}`, subject: 'Billing question from the CRM' };
  const key = `ticket-for-${sourceRecord.id}`;
  const first = await phidesk.POST('/v1/tickets', {
    body: { subject: sourceRecord.subject, tags: ['crm'] },
    params: { header: { 'Idempotency-Key': key } },
  });
  const again = await phidesk.POST('/v1/tickets', {
    body: { subject: sourceRecord.subject, tags: ['crm'] },
    params: { header: { 'Idempotency-Key': key } },
  });
  const ticket = unwrap(first);
  if (unwrap(again).id !== ticket.id) throw new Error('the repeated create made a second ticket');
  console.log(`created once: replayed=${again.response.headers.get('idempotent-replayed')}`);

  // 4. A burst of reads: past the key's rate limit the client waits as the 429 says.
  const burst = await Promise.all(
    Array.from({ length: 30 }, () => phidesk.GET('/v1/tickets/{id}', { params: { path: { id: ticket.id } } })),
  );
  const ok = burst.filter((r) => r.response.ok).length;
  const after429 = retries.filter((r) => r.status === 429).length;
  console.log(`burst: ${ok}/${burst.length} answered, ${after429} retries after 429`);

  // 5. The ticket.created webhook, verified.
  const deadline = Date.now() + 15_000;
  while (!received.some((e) => e.data['ticketId'] === ticket.id) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const event = received.find((e) => e.data['ticketId'] === ticket.id);
  if (!event) throw new Error('no verified webhook arrived');
  console.log(`webhook verified: ${event.type}`);

  // A forged delivery (right headers, wrong signature) is refused by the same check.
  const forged = await fetch(hookUrl, {
    method: 'POST',
    headers: {
      'webhook-id': 'msg_forged',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': `v1,${Buffer.from('not the signature').toString('base64')}`,
    },
    body: JSON.stringify({ type: 'ticket.created', data: { ticketId: ticket.id } }),
  });
  console.log(`forged webhook refused: ${forged.status}`);
} finally {
  if (endpointId) await admin.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id: endpointId } } });
  receiver.closeAllConnections();
  receiver.close();
}
