// The brands are compile-time only: this file's @ts-expect-error lines are
// checked by `tsc --noEmit` (tests are in the project), and fail it if a
// plaintext or mismatched value ever becomes assignable to a sealed column.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blindIndex } from '../../src/crypto/blind-index.js';
import { openBytes, openValue, sealValue, type SealContext } from '../../src/crypto/envelope.js';
import type { BlindIndex, Sealed } from '../../src/crypto/sealed.js';
import type { TenantKeyMaterial } from '../../src/crypto/tenant-key.js';
import { cryptoFixture, newTenantId, type CryptoFixture } from './fixtures.js';

interface ContactRow {
  mrn: Sealed<string>;
  photo: Sealed<Buffer>;
  mrn_index: BlindIndex;
}

let fx: CryptoFixture;
let key: TenantKeyMaterial;
let context: SealContext;

beforeAll(async () => {
  fx = await cryptoFixture();
  const tenantId = newTenantId();
  await fx.keyring.ensureTenantKey(tenantId);
  key = await fx.keyring.activeKey(tenantId);
  context = { tenantId, table: 'contacts', column: 'mrn', rowId: 'r1' };
});

afterAll(async () => {
  await fx.cleanup();
});

describe('Sealed<T> and BlindIndex brands', () => {
  it('accept only what sealValue and blindIndex produce, and are Buffers at runtime', async () => {
    const indexKey = await fx.keyring.blindIndexKey(context.tenantId, 'contacts', 'mrn');
    const row: ContactRow = {
      mrn: sealValue(key, context, '0041277'),
      photo: sealValue(key, context, Buffer.from([1, 2, 3])),
      mrn_index: blindIndex(indexKey, 'digits', '0041277'),
    };
    expect(Buffer.isBuffer(row.mrn)).toBe(true);
    expect(Buffer.isBuffer(row.mrn_index)).toBe(true);
    expect(openValue(key, context, row.mrn)).toBe('0041277');
    expect([...openBytes(key, context, row.photo)]).toEqual([1, 2, 3]);

    const wrong: Partial<Record<keyof ContactRow, unknown>> = {};
    // @ts-expect-error plaintext cannot go into a sealed column
    wrong.mrn = '0041277' satisfies Sealed<string>;
    // @ts-expect-error nor raw bytes
    wrong.mrn = Buffer.from('0041277') satisfies Sealed<string>;
    // @ts-expect-error nor a value sealed from bytes
    wrong.mrn = sealValue(key, context, Buffer.from('x')) satisfies Sealed<string>;
    // @ts-expect-error nor a blind index
    wrong.mrn = row.mrn_index satisfies Sealed<string>;
    // @ts-expect-error a sealed value is not a blind index
    wrong.mrn_index = row.mrn satisfies BlindIndex;
    // @ts-expect-error text openers refuse sealed bytes
    wrong.photo = openValue(key, context, row.photo);
    expect(Object.keys(wrong)).toHaveLength(3);
  });
});
