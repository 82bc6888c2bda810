// Acceptance 2 of issue 18, value-based half: recall of the wrong-patient check on the
// hand-written value corpus (corpus/value-corpus.ts), against real PostgreSQL with the
// tenant's real keys: the fixture contacts are created through the API (so their blind
// indexes are computed as production computes them), and each reply is checked as the
// public-reply check does (one lookup per text, the ticket's patient allowed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '../../src/crypto/index.js';
import { PgTenantKeyStore } from '../../src/crypto/pg-tenant-key-store.js';
import { TenantCrypto } from '../../src/crypto/tenant-crypto.js';
import { scanOutgoing } from '../../src/phi-detection/outgoing-scan.js';
import { defaultPhiDetectionSettings } from '../../src/phi-detection/settings.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { desk, ok, type Desk } from '../tickets/helpers.js';
import { fixtureContacts, scoreValueCorpus, valueSamples } from './corpus/value-corpus.js';

let t: TestApp;
let d: Desk;
let patientId: string;

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  const ids: string[] = [];
  for (const c of fixtureContacts) ids.push((await ok(d.supervisor.post('/v1/contacts', c), 201)).id);
  patientId = ids[0]!;
}, 120_000);
afterAll(async () => t?.close());

describe('wrong-patient detection by value (blind indexes, real keys, real PostgreSQL)', () => {
  it("finds at least 95% of other patients' identifiers quoted in other spellings, and flags no clean text", async () => {
    const keyring = new Keyring({
      masterKey: t.masterKey,
      store: new PgTenantKeyStore(t.database.db),
      cacheMaxAgeMs: 60_000,
    });
    const crypto = await TenantCrypto.forRead(keyring, d.tenantId);
    const settings = { ...defaultPhiDetectionSettings, otherPatientAction: 'block' as const };
    const score = await scoreValueCorpus(async (text) => {
      const scan = await scanOutgoing(text, settings, {
        db: t.database.db,
        tenantId: d.tenantId,
        index: (table, column, kind) => crypto.blindIndexer(table, column, kind),
        allowedContactIds: [patientId],
      });
      return scan.otherPatients;
    });
    console.log(JSON.stringify({ ...score, samples: valueSamples().length }));
    for (const k of score.kinds) expect(k.labelled, k.kind).toBeGreaterThanOrEqual(50);
    expect(score.clean).toBeGreaterThanOrEqual(40);
    expect(score.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.falsePositives).toBe(0);
    // every miss is printed above; the hard spellings are reported, not required
    expect(score.hard.map((k) => k.labelled)).toEqual([29, 29, 29]);
  });

  it("another tenant's identical identifiers are not found (blind indexes are per tenant)", async () => {
    const other = await desk(t);
    const keyring = new Keyring({
      masterKey: t.masterKey,
      store: new PgTenantKeyStore(t.database.db),
      cacheMaxAgeMs: 60_000,
    });
    // the other tenant has a key but none of these contacts
    await ok(other.supervisor.post('/v1/contacts', { name: 'Someone' }), 201);
    const crypto = await TenantCrypto.forRead(keyring, other.tenantId);
    const scan = await scanOutgoing(
      `Call ${fixtureContacts[1]!.phone}`,
      { ...defaultPhiDetectionSettings, otherPatientAction: 'block' },
      {
        db: t.database.db,
        tenantId: other.tenantId,
        index: (table, column, kind) => crypto.blindIndexer(table, column, kind),
        allowedContactIds: [],
      },
    );
    expect(scan.otherPatients).toEqual([]);
  });
});
