// PHI detection on the way out, end to end over the real app and PostgreSQL with real
// keys: the tenant's settings (REST, GraphQL, CASL), and a public reply quoting another
// patient's identifier refused, held, redacted or let through per setting, its findings
// audited by kind and position only, and the refused text nowhere (logs, audit, tables).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { databaseDump } from '../helpers/database-dump.js';
import { canary, desk, expectNoCanary, gqlCode, gqlOk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let agent: Client;
let patient: string;
let ticket: string;

const otherPatient = {
  name: 'Robin Other',
  phone: '+1 (617) 555-0142',
  email: 'robin.other@example.org',
  mrn: 'E-0088123',
};

const settings = (over: Record<string, unknown> = {}) => ({
  otherPatientAction: 'block',
  patternAction: 'off',
  patternKinds: ['ssn', 'phone', 'email'],
  mrnPatterns: [],
  accountPatterns: [],
  ...over,
});

const reply = (body: string) => d.supervisor.post(`/v1/tickets/${ticket}/comments`, { body, public: true });

async function findingEvents(): Promise<Array<Record<string, any>>> {
  return (await auditEvents(t.database.db, d.tenantId)).filter((e) => e['action'] === 'phi_detection.finding');
}

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
  patient = (
    await ok(
      d.supervisor.post('/v1/contacts', {
        name: 'Pat Own',
        phone: '617-555-0100',
        email: 'pat.own@example.org',
        mrn: 'E-0011111',
      }),
      201,
    )
  ).id;
  await ok(d.supervisor.post('/v1/contacts', otherPatient), 201);
  ticket = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Refill question', requesterId: patient }), 201)).id;
}, 60_000);
afterAll(async () => t?.close());

describe('PHI detection settings', () => {
  it('are off by default, so existing tenants are unchanged', async () => {
    const got = await ok(d.admin.get('/v1/phi-detection-settings'));
    expect(got).toMatchObject({ otherPatientAction: 'off', patternAction: 'off', isDefault: true, updatedAt: null });
    // off: a reply quoting another patient's phone goes out (as before detection existed)
    await ok(reply(`Please call ${otherPatient.phone}.`), 201);
  });

  it('a tenant admin sets them over REST and GraphQL; both audited; bad input is a 400 naming the field', async () => {
    const put = await ok(d.admin.put('/v1/phi-detection-settings', settings({ mrnPatterns: ['\\bPT\\d{7}\\b'] })));
    expect(put).toMatchObject({ otherPatientAction: 'block', isDefault: false, mrnPatterns: ['\\bPT\\d{7}\\b'] });
    const bad = await ok(d.admin.put('/v1/phi-detection-settings', settings({ mrnPatterns: ['(a+)+$'] })), 400);
    expect(bad.errors).toEqual([expect.objectContaining({ pointer: '/mrnPatterns/0' })]);
    await ok(d.admin.put('/v1/phi-detection-settings', settings({ otherPatientAction: 'shout' })), 400);
    const dup = await ok(d.admin.put('/v1/phi-detection-settings', settings({ patternKinds: ['ssn', 'ssn'] })), 400);
    expect(dup.errors[0].pointer).toBe('/patternKinds/1');

    const gql = await gqlOk(
      d.admin,
      `mutation($input: UpdatePhiDetectionSettingsInput!) { updatePhiDetectionSettings(input: $input) { otherPatientAction patternAction patternKinds isDefault } }`,
      { input: settings() },
    );
    expect(gql.updatePhiDetectionSettings).toMatchObject({ otherPatientAction: 'block', isDefault: false });
    const read = await gqlOk(d.admin, '{ phiDetectionSettings { otherPatientAction mrnPatterns } }');
    expect(read.phiDetectionSettings).toEqual({ otherPatientAction: 'block', mrnPatterns: [] });
    const actions = (await auditEvents(t.database.db, d.tenantId)).map((e) => e['action']);
    expect(actions).toEqual(expect.arrayContaining(['phi_detection_settings.put', 'phi_detection_settings.read']));
  });

  it('only tenant admins change them; other tenants keep their own', async () => {
    await ok(d.supervisor.put('/v1/phi-detection-settings', settings()), 403);
    await ok(agent.put('/v1/phi-detection-settings', settings()), 403);
    expect(
      await gqlCode(
        d.supervisor,
        `mutation($input: UpdatePhiDetectionSettingsInput!) { updatePhiDetectionSettings(input: $input) { isDefault } }`,
        { input: settings() },
      ),
    ).toBe('FORBIDDEN');
    expect(await ok(other.admin.get('/v1/phi-detection-settings'))).toMatchObject({ isDefault: true });
  });
});

describe('a public reply quoting another patient', () => {
  it('is refused under "block": kind and position named, the text in no log, audit event or table', async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings({ otherPatientAction: 'block' })));
    const secret = canary('REPLY');
    const body = `${secret} your neighbour can be reached at 617.555.0142 today`;
    const res = await ok(reply(body), 422);
    const at = body.indexOf('617.555.0142');
    expect(res.errors).toEqual([
      { pointer: '/body', detail: `another patient's phone at characters ${at}-${at + 12}` },
    ]);

    const events = await findingEvents();
    const refused = events.find((e) => e['outcome'] === 'denied');
    expect(refused).toMatchObject({ resource: { type: 'Ticket', id: ticket }, subjectContactId: patient });
    expect(refused!['reasonCode']).toBe(`public_reply action:block other_patient.phone@${at}+12 count:1`);

    const comments = await ok(d.supervisor.get(`/v1/tickets/${ticket}/comments`));
    expect(comments.items.some((c: { body: string }) => c.body?.includes(secret))).toBe(false);
    const values = [secret, '617.555.0142', '6175550142'];
    expectNoCanary(t.logs.text, values, 'logs');
    expectNoCanary(JSON.stringify(await auditEvents(t.database.db)), values, 'audit events');
    expectNoCanary((await databaseDump(t.database)).text, [secret], 'database');
  });

  it("finds the other patient by email and MRN in other spellings too, and never flags the patient's own", async () => {
    const byEmail = await ok(reply('Copying ROBIN.OTHER@example.org on this.'), 422);
    expect(byEmail.errors[0].detail).toMatch(/^another patient's email at characters 8-/);
    const byMrn = await ok(reply('Their chart is E 0088123, see there.'), 422);
    expect(byMrn.errors[0].detail).toMatch(/^another patient's mrn/);
    // the patient's own identifiers, and numbers nobody has, go out
    await ok(reply('We have 617 555 0100 and PAT.OWN@example.org on file, MRN E-0011111; order 6175550199.'), 201);
  });

  it('is held under "hold", redacted under "redact", sent and audited under "warn"; notes are never checked', async () => {
    await ok(d.admin.put('/v1/phi-detection-settings', settings({ otherPatientAction: 'hold' })));
    const held = await reply('Call 617-555-0142 please');
    expect(held.statusCode).not.toBe(201);
    expect(held.body).not.toContain('617-555-0142');

    await ok(d.admin.put('/v1/phi-detection-settings', settings({ otherPatientAction: 'redact' })));
    const redacted = await ok(reply('Call 617-555-0142 please'), 201);
    expect(redacted.body).toBe('Call [PHONE] please');
    const listed = await ok(d.supervisor.get(`/v1/tickets/${ticket}/comments?limit=100`));
    const stored = listed.items.find((c: { id: string }) => c.id === redacted.id);
    expect(stored.body).toBe('Call [PHONE] please');

    await ok(d.admin.put('/v1/phi-detection-settings', settings({ otherPatientAction: 'warn' })));
    const warned = await ok(reply('Call 617-555-0142 please'), 201);
    expect(warned.body).toBe('Call 617-555-0142 please');
    const reasons = (await findingEvents()).map((e) => `${e['outcome']} ${e['reasonCode']}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'denied public_reply action:hold other_patient.phone@5+12 count:1',
        'allowed public_reply action:redact other_patient.phone@5+12 count:1',
        'allowed public_reply action:warn other_patient.phone@5+12 count:1',
      ]),
    );

    await ok(d.admin.put('/v1/phi-detection-settings', settings({ otherPatientAction: 'block' })));
    await ok(d.supervisor.post(`/v1/tickets/${ticket}/comments`, { body: 'Note: 617-555-0142', public: false }), 201);
  });

  it('pattern kinds apply with their own action (an SSN blocked while other patients are off)', async () => {
    await ok(
      d.admin.put('/v1/phi-detection-settings', settings({ otherPatientAction: 'off', patternAction: 'block' })),
    );
    const res = await ok(reply('SSN on file: 123-45-6789.'), 422);
    expect(res.errors).toEqual([{ pointer: '/body', detail: 'a ssn identifier at characters 13-24' }]);
    await ok(reply('Your order #88123412 shipped; version 2.4.1.'), 201);
  });
});
