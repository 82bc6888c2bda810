// PHI detection on webhook payloads: the PHI a delivery under an agreement carries is
// scanned before it is signed and sent. "redact" sends it with [KIND] in place of another
// patient's identifier; "block" (and "hold": nothing can hold a delivery) sends the event
// without its PHI. Findings are audited by kind and position, never the value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { desk, ok, type Desk } from '../tickets/helpers.js';
import { Receiver, startWebhookApp, until } from '../webhooks/helpers.js';

let t: TestApp;
let d: Desk;
let officer: Client;
let receiver: Receiver;
let secret: string;
let patient: string;

const settings = (otherPatientAction: string) => ({
  otherPatientAction,
  patternAction: 'off',
  patternKinds: [],
  mrnPatterns: [],
  accountPatterns: [],
});

beforeAll(async () => {
  t = await startWebhookApp({});
  d = await desk(t);
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  receiver = await new Receiver().start();
  const baa = await ok(
    officer.post('/v1/business-associate-agreements', {
      counterparty: 'Acme',
      scope: 'Claims',
      effectiveOn: '2026-01-01',
    }),
    201,
  );
  secret = (
    await ok(
      d.admin.post('/v1/webhook-endpoints', { url: receiver.url, eventTypes: ['comment.added'], baaId: baa.id }),
      201,
    )
  ).secret;
  patient = (await ok(d.supervisor.post('/v1/contacts', { name: 'Pat Own', phone: '617-555-0100' }), 201)).id;
  await ok(d.supervisor.post('/v1/contacts', { name: 'Robin Other', phone: '(617) 555-0142' }), 201);
}, 60_000);
afterAll(async () => {
  await receiver?.stop();
  await t?.close();
});

async function deliveredNote(body: string): Promise<Record<string, any>> {
  const ticket = await ok(d.supervisor.post('/v1/tickets', { subject: 'Carpool', requesterId: patient }), 201);
  const before = receiver.accepted().size;
  await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body, public: false }), 201);
  await until(
    () => receiver.accepted().size,
    (n) => n > before,
  );
  const got = [...receiver.accepted().values()].map((x) => Receiver.verify(secret, x));
  return got.find((g) => g.data['ticketId'] === ticket.id)!;
}

describe('webhook payloads', () => {
  it("redact: another patient's phone leaves as [PHONE]; the patient's own as written", async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings('redact')));
    const got = await deliveredNote('Robin is at 617.555.0142, Pat at 617-555-0100');
    expect(got.data['phi']).toEqual({ subject: 'Carpool', commentBody: 'Robin is at [PHONE], Pat at 617-555-0100' });
  });

  it('block: the event goes out without its PHI; the finding is audited, never the value', async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings('block')));
    const got = await deliveredNote('Robin is at 617.555.0142');
    expect(got.data['phi']).toBeUndefined();
    expect(JSON.stringify(got)).not.toContain('555');
    await until(
      async () =>
        (await auditEvents(t.database.db, d.tenantId)).filter(
          (e) => e['action'] === 'phi_detection.finding' && e['outcome'] === 'denied',
        ),
      (events) => events.length > 0,
    );
    const events = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['action'] === 'phi_detection.finding',
    );
    expect(events.map((e) => e['reasonCode'])).toEqual(
      expect.arrayContaining([
        'webhook:commentBody action:redact other_patient.phone@12+12 count:1',
        'webhook:commentBody action:block other_patient.phone@12+12 count:1',
      ]),
    );
    expect(JSON.stringify(events)).not.toContain('555');
  });
});
