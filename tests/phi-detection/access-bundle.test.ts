// PHI detection on the access-request bundle (issue 18): a patient's record can quote
// ANOTHER patient's identifiers (a wrong-patient disclosure in the copy sent to them).
// Under the tenant's otherPatientAction the fulfilment is refused (block, hold: 422 naming
// the item, kind and positions, never the value), the identifier redacted in every form of
// the bundle (redact), or the bundle delivered with the finding audited (warn). The other
// patient's phone is never in the refusal, the logs or the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { ok } from '../tickets/helpers.js';
import { rightsDesk, type RightsDesk } from '../patient-rights/helpers.js';

let t: TestApp;
let d: RightsDesk;
let patient: string;
let commentId: string;
let recording: string[] | undefined;
/** the other patient's phone, as stored and as the note spells it */
const OTHER_PHONE = '(617) 555-0199';
const QUOTED = '617.555.0199';
const OWN_PHONE = '617-555-0100';
const NOTE = `Robin is at ${QUOTED}, Pat at ${OWN_PHONE}`;
const digits = ['555-0199', '555.0199', '5550199'];

const settings = (otherPatientAction: string) => ({
  otherPatientAction,
  patternAction: 'block', // does not apply to the bundle: a patient's own identifiers are theirs
  patternKinds: ['phone', 'date'],
  mrnPatterns: [],
  accountPatterns: [],
});

beforeAll(async () => {
  t = await startTestApp({ onQuery: (statement) => recording?.push(statement) });
  d = await rightsDesk(t);
  patient = (await ok(d.supervisor.post('/v1/contacts', { name: 'Pat Own', phone: OWN_PHONE }), 201)).id;
  await ok(d.supervisor.post('/v1/contacts', { name: 'Robin Other', phone: OTHER_PHONE }), 201);
  const ticket = await ok(
    d.supervisor.post('/v1/tickets', { subject: 'Carpool on 2026-03-01', requesterId: patient }),
    201,
  );
  // an internal note (public replies are screened on their own): the bundle carries it to Pat
  await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body: 'Called back', public: false }), 201);
  commentId = (await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body: NOTE, public: false }), 201)).id;
}, 60_000);
afterAll(async () => t?.close());

async function openRequest(): Promise<string> {
  return (
    await ok(d.officer.post('/v1/access-requests', { contactId: patient, verificationMethod: 'government_id' }), 201)
  ).id;
}

async function findings(requestId: string): Promise<Array<Record<string, any>>> {
  return (await auditEvents(t.database.db, d.tenantId)).filter(
    (e) => e['action'] === 'phi_detection.finding' && JSON.stringify(e).includes(requestId),
  );
}

const reason = (action: string) =>
  `access_bundle:comment.body:${commentId} action:${action} other_patient.phone@12+12 count:1`;

describe('the access-request bundle', () => {
  it('block: the fulfilment is refused, naming the item, kind and positions; nothing is disclosed', async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings('block')));
    const id = await openRequest();
    recording = [];
    const res = await d.officer.post(`/v1/access-requests/${id}/fulfil`);
    const lookups = recording.filter((st) => st.includes('phi_value_matches'));
    recording = undefined;
    expect(res.statusCode, res.body).toBe(422);
    // the subject and both comments are looked up together: one query, not one per item
    expect(lookups).toHaveLength(1);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'UNPROCESSABLE',
      errors: [
        {
          pointer: '/record/tickets/0/comments/1/body',
          detail: `comment.body:${commentId}: another patient's phone at characters 12-24`,
        },
      ],
    });
    for (const v of digits) expect(res.body).not.toContain(v);
    // the request is still open and nothing went into the accounting
    expect((await ok(d.officer.get(`/v1/access-requests/${id}`))).status).toBe('open');
    expect((await ok(d.officer.get(`/v1/disclosures?contactId=${patient}`))).items).toEqual([]);
    // the finding is on record (kept although the fulfilment rolled back), by kind and position
    const events = await findings(id);
    expect(events).toEqual([expect.objectContaining({ outcome: 'denied', reasonCode: reason('block') })]);

    // hold too: there is no queue to hold a bundle in
    await ok(d.admin.put('/v1/phi-detection-settings', settings('hold')));
    await ok(d.officer.post(`/v1/access-requests/${id}/fulfil`), 422);
    expect((await findings(id)).map((e) => e['reasonCode'])).toContain(reason('hold'));
  });

  it("redact: the bundle goes out with [PHONE] in place of the other patient's phone, in every form", async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings('redact')));
    const id = await openRequest();
    const done = await ok(d.officer.post(`/v1/access-requests/${id}/fulfil`));
    const bundle = await ok(d.officer.get(done.download.url));
    const text = JSON.stringify(bundle);
    for (const v of digits) expect(text).not.toContain(v);
    const comments = bundle.record.tickets[0].comments;
    expect(comments.find((c: { id: string }) => c.id === commentId).body).toBe(
      `Robin is at [PHONE], Pat at ${OWN_PHONE}`,
    );
    expect(bundle.html).toContain('Robin is at [PHONE]');
    const fhir = bundle.fhir.entry.find((e: { resource: { id: string } }) => e.resource.id === commentId);
    expect(fhir.resource.payload[0].contentString).toContain('[PHONE]');
    // the patient's own phone and date stay: the pattern action does not apply to their record
    expect(bundle.record.contact.phone).toBe(OWN_PHONE);
    expect(bundle.record.tickets[0].subject).toBe('Carpool on 2026-03-01');
    expect(await findings(id)).toEqual([expect.objectContaining({ outcome: 'allowed', reasonCode: reason('redact') })]);
  });

  it('warn: the bundle goes out as it is, the finding audited', async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings('warn')));
    const id = await openRequest();
    const done = await ok(d.officer.post(`/v1/access-requests/${id}/fulfil`));
    const bundle = await ok(d.officer.get(done.download.url));
    expect(bundle.record.tickets[0].comments.find((c: { id: string }) => c.id === commentId).body).toBe(NOTE);
    expect(await findings(id)).toEqual([expect.objectContaining({ outcome: 'allowed', reasonCode: reason('warn') })]);
  });

  it('block: a phone that is a contact of ANOTHER tenant is no finding here (the lookup stays in the tenant)', async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings('block')));
    const elsewhere = await rightsDesk(t);
    await ok(elsewhere.supervisor.post('/v1/contacts', { name: 'Kim Elsewhere', phone: '(617) 555-0123' }), 201);
    const sam = (await ok(d.supervisor.post('/v1/contacts', { name: 'Sam Own' }), 201)).id;
    const ticket = await ok(d.supervisor.post('/v1/tickets', { subject: 'Referral', requesterId: sam }), 201);
    const note = 'Kim is at 617-555-0123';
    await ok(d.supervisor.post(`/v1/tickets/${ticket.id}/comments`, { body: note, public: false }), 201);
    const id = (
      await ok(d.officer.post('/v1/access-requests', { contactId: sam, verificationMethod: 'government_id' }), 201)
    ).id;
    const done = await ok(d.officer.post(`/v1/access-requests/${id}/fulfil`));
    const bundle = await ok(d.officer.get(done.download.url));
    expect(bundle.record.tickets[0].comments[0].body).toBe(note);
    expect(await findings(id)).toEqual([]);
  });

  it('off (the default): the bundle is not scanned; the phone never reached the logs or the audit trail', async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings('off')));
    const id = await openRequest();
    await ok(d.officer.post(`/v1/access-requests/${id}/fulfil`));
    expect(await findings(id)).toEqual([]);
    const trail = JSON.stringify(await auditEvents(t.database.db, d.tenantId));
    for (const v of digits) {
      expect(trail).not.toContain(v);
      expect(t.logs.text).not.toContain(v);
    }
  });
});
