// Acceptance 1: contacts created (and updated, searched, read, broken) through the API
// with unique canary values in every PHI field; a full dump of the database and every
// captured log line contain none of them, in any form a human would search for: plain,
// lower case, base64 (at each of the three alignments), and hex (how a dump prints bytea).
//
// The dump: tests/helpers/database-dump.ts (pg_dump, or COPY of every table when pg_dump's
// major version is not the server's). A control canary stored as plaintext proves the
// dump and the detector would see a leak.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseDump as dumpOf } from '../helpers/database-dump.js';
import { canary, staffTenant, type StaffTenant } from './helpers.js';

let t: TestApp;
let a: StaffTenant;

beforeAll(async () => {
  t = await startTestApp();
  a = await staffTenant(t);
});
afterAll(async () => t?.close());

/** Every spelling of `value` worth grepping for. */
function forms(value: string): string[] {
  const out = new Set<string>();
  for (const v of [value, value.toLowerCase(), value.toUpperCase()]) {
    out.add(v);
    out.add(Buffer.from(v, 'utf8').toString('hex'));
    // base64 of the value inside a longer string depends on its offset mod 3: strip the pad's influence
    for (let pad = 0; pad < 3; pad++) {
      const encoded = Buffer.from('x'.repeat(pad) + v, 'utf8').toString('base64');
      // the first 4 characters mix in the pad, the last 4 whatever follows the value
      out.add(encoded.slice(pad === 0 ? 0 : 4, encoded.length - 4));
    }
  }
  return [...out].filter((f) => f.length >= 8);
}

function leaks(haystack: string, values: readonly string[]): string[] {
  const lower = haystack.toLowerCase();
  return values.flatMap((v) =>
    forms(v)
      .filter((f) => haystack.includes(f) || lower.includes(f.toLowerCase()))
      .map((f) => `${v} as ${f}`),
  );
}

describe('canaries', () => {
  it('never reach the database dump or the logs, whatever the API did with them', async () => {
    const values: string[] = [];
    const c = (label: string) => {
      const v = canary(label);
      values.push(v);
      return v;
    };
    const digits = () => {
      const v = `7${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
      values.push(v);
      return v;
    };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const phone = digits();
      const body = {
        name: `${c('NAME')} ${c('SURNAME')}`,
        email: `${c('MAIL').toLowerCase()}@example.org`,
        phone: `+${phone}`,
        dateOfBirth: `190${i}-0${i + 2}-2${i}`,
        address: { line1: `${c('STREET')} Road`, city: c('CITY'), postalCode: c('ZIP').slice(0, 20) },
        mrn: c('MRN'),
        healthPlanMemberId: c('MEMBER'),
        externalIds: [{ system: 'fhir', value: `Patient/${c('FHIR')}` }],
      };
      values.push(body.dateOfBirth);
      const res = await a.agent.post('/v1/contacts', body);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
      // every other path a value takes: search terms, reads, merge patches, GraphQL
      expect((await a.agent.post('/v1/contacts/search', { mrn: body.mrn })).json().items).toHaveLength(1);
      await a.agent.post('/v1/contacts/search', { dateOfBirth: body.dateOfBirth, name: body.name });
      await a.agent.post('/v1/contacts/search', { email: `${c('NOBODY')}@example.org` });
      await a.agent.get(`/v1/contacts/${res.json().id}`);
      await a.agent.patch(`/v1/contacts/${res.json().id}`, {
        email: `${c('NEWMAIL').toLowerCase()}@example.org`,
        address: { line2: c('FLAT') },
      });
      await a.agent.gql('mutation($in: CreateContactInput!) { createContact(input: $in) { id name } }', {
        in: { name: c('GQLNAME'), mrn: c('GQLMRN') },
      });
      await a.agent.post('/v1/contacts', { ...body, email: c('BADMAIL') }); // a validation failure must not echo it either
    }
    // and the failure paths: a damaged value, audited and logged as an error
    await sql`update contacts set name = set_byte(name, 35, get_byte(name, 35) # 1) where id = ${ids[0]}`.execute(
      t.database.db,
    );
    expect((await a.agent.get(`/v1/contacts/${ids[0]}`)).statusCode).toBe(500);
    expect((await a.agent.get('/v1/contacts')).statusCode).toBe(500);

    // control: plaintext that IS in the database (a group name, and raw bytes) must be found
    const control = canary('CONTROL');
    expect((await a.admin.post('/v1/groups', { name: control })).statusCode).toBe(201);
    await sql`create table canary_control (b bytea)`.execute(t.database.db);
    const controlBytes = canary('CONTROLBYTES');
    await sql`insert into canary_control values (convert_to(${controlBytes}, 'UTF8'))`.execute(t.database.db);

    const dump = await dumpOf(t.database);
    console.info(`canary dump: ${dump.how}, ${dump.text.length} characters`);
    expect(leaks(dump.text, [control])).not.toEqual([]);
    expect(leaks(dump.text, [controlBytes])).not.toEqual([]);
    expect(dump.text).toContain('contacts'); // the sealed table was dumped

    expect(values.length).toBeGreaterThan(40);
    expect(leaks(dump.text, values), `canaries in the dump (${dump.how})`).toEqual([]);
    expect(t.logs.lines.length).toBeGreaterThan(20);
    expect(leaks(t.logs.text, values), 'canaries in the logs').toEqual([]);
  });
});
