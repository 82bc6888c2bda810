import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex, normaliseForBlindIndex, type BlindIndexKind } from '../../src/crypto/blind-index.js';
import type { BlindIndexKey } from '../../src/crypto/tenant-key.js';
import { expectSealFailure } from './assertions.js';
import { cryptoFixture, newTenantId, type CryptoFixture } from './fixtures.js';

let fx: CryptoFixture;
let tenantA: string;
let tenantB: string;
let mrnA: BlindIndexKey;

beforeAll(async () => {
  fx = await cryptoFixture();
  tenantA = newTenantId();
  tenantB = newTenantId();
  await fx.keyring.ensureTenantKey(tenantA);
  await fx.keyring.ensureTenantKey(tenantB);
  mrnA = await fx.keyring.blindIndexKey(tenantA, 'contacts', 'mrn');
});

afterAll(async () => {
  await fx.cleanup();
});

const equivalences: Record<BlindIndexKind, string[][]> = {
  text: [
    ['  José   GARCÍA ', 'josé garcía', 'Jose\u0301 Garci\u0301a', 'JOSÉ\tGARCÍA\n'],
    ['ＦＵＬＬ width', 'full width'],
    ['ﬁle', 'FILE'],
    ['Straße', 'straße'],
  ],
  digits: [
    ['(555) 123-4567', '555.123.4567', '555 123 4567', '５５５-１２３-４５６７'],
    ['MRN: 00412-77', '0041277'],
  ],
  email: [['  John.Doe@Example.COM ', 'john.doe@example.com']],
  date: [
    ['1980-1-2', '1980-01-02', ' 1980-01-02 '],
    ['2024-02-29', '2024-2-29'],
  ],
  identifier: [
    ['E-004127', 'e004127', ' E 00 41 27 ', 'Ｅ００４１２７'],
    ['MRN: 00412-77', 'mrn0041277'],
  ],
};

describe('normalisers', () => {
  for (const [kind, groups] of Object.entries(equivalences) as [BlindIndexKind, string[][]][]) {
    it(`${kind}: equivalent spellings normalise alike and are idempotent`, () => {
      for (const group of groups) {
        const normal = group.map((v) => normaliseForBlindIndex(kind, v));
        expect(new Set(normal).size).toBe(1);
        expect(normaliseForBlindIndex(kind, normal[0]!)).toBe(normal[0]);
      }
    });
  }

  it('gives the documented forms', () => {
    expect(normaliseForBlindIndex('text', '  José   GARCÍA ')).toBe('josé garcía');
    expect(normaliseForBlindIndex('digits', '+1 (555) 123-4567')).toBe('15551234567');
    // identifiers keep their letters, so two MRNs that differ only in a letter stay apart
    expect(normaliseForBlindIndex('identifier', 'E-004127')).not.toBe(normaliseForBlindIndex('identifier', 'F-004127'));
    expect(normaliseForBlindIndex('email', ' A@B.ORG ')).toBe('a@b.org');
    expect(normaliseForBlindIndex('date', '1980-1-2')).toBe('1980-01-02');
  });

  it('rejects dates that are not ISO or not in the calendar, without echoing them', () => {
    for (const bad of ['02/01/1980', '1980-13-01', '2023-02-29', '1980-01-32', '19800102', '']) {
      try {
        normaliseForBlindIndex('date', bad);
        expect.unreachable(bad);
      } catch (e) {
        expect((e as { code: string }).code).toBe('VALIDATION_FAILED');
        if (bad) expect((e as Error).message).not.toContain(bad);
      }
    }
  });
});

describe('blindIndex', () => {
  it('is 16 bytes and equal for equivalent values', () => {
    for (const [kind, groups] of Object.entries(equivalences) as [BlindIndexKind, string[][]][]) {
      for (const group of groups) {
        const indexes = group.map((v) => blindIndex(mrnA, kind, v).toString('hex'));
        expect(new Set(indexes).size).toBe(1);
        expect(indexes[0]).toHaveLength(32);
      }
    }
  });

  it('differs for different values and different kinds', () => {
    const a = blindIndex(mrnA, 'digits', '0041277');
    expect(a.equals(blindIndex(mrnA, 'digits', '0041278'))).toBe(false);
    expect(a.equals(blindIndex(mrnA, 'text', '0041277'))).toBe(false);
  });

  it('differs between tenants and between columns', async () => {
    const value = '555-123-4567';
    const ownIndex = blindIndex(mrnA, 'digits', value);
    const otherTenant = await fx.keyring.blindIndexKey(tenantB, 'contacts', 'mrn');
    const otherColumn = await fx.keyring.blindIndexKey(tenantA, 'contacts', 'phone');
    const otherTable = await fx.keyring.blindIndexKey(tenantA, 'patients', 'mrn');
    const all = [ownIndex, ...[otherTenant, otherColumn, otherTable].map((k) => blindIndex(k, 'digits', value))];
    expect(new Set(all.map((b) => b.toString('hex'))).size).toBe(4);
  });

  it('does not change when the tenant data key rotates', async () => {
    const before = blindIndex(mrnA, 'digits', '0041277');
    await fx.keyring.rotateTenantKey(tenantA);
    const after = blindIndex(await fx.keyring.blindIndexKey(tenantA, 'contacts', 'mrn'), 'digits', '0041277');
    expect(after.equals(before)).toBe(true);
  });

  it('refuses values with nothing left to index', () => {
    expect(() => blindIndex(mrnA, 'digits', 'N/A')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => blindIndex(mrnA, 'text', '   ')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('is unusable once the tenant is shredded', async () => {
    const tenant = newTenantId();
    await fx.keyring.ensureTenantKey(tenant);
    const held = await fx.keyring.blindIndexKey(tenant, 'contacts', 'email');
    blindIndex(held, 'email', 'a@b.org');
    await fx.keyring.shredTenant(tenant);
    await Promise.resolve();
    await expectSealFailure(() => blindIndex(held, 'email', 'a@b.org'), 'key_evicted');
    await expectSealFailure(() => fx.keyring.blindIndexKey(tenant, 'contacts', 'email'), 'tenant_shredded');
  });
});
