import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openBytes,
  openBytesWith,
  openValue,
  openValueWith,
  sealValue,
  sealedKeyVersion,
  type SealContext,
} from '../../src/crypto/envelope.js';
import type { Sealed } from '../../src/crypto/sealed.js';
import type { TenantKeyMaterial } from '../../src/crypto/tenant-key.js';
import { expectSealFailure, expectUnsealFailure, expectUnsealFailureAsync } from './assertions.js';
import { cryptoFixture, newTenantId, type CryptoFixture } from './fixtures.js';

const OVERHEAD = 6 + 24 + 16;

let fx: CryptoFixture;
let tenantA: string;
let tenantB: string;
let keyA: TenantKeyMaterial;

function at(tenantId: string, rowId = 'row-1', column = 'description', table = 'tickets'): SealContext {
  return { tenantId, table, column, rowId };
}

function tampered(sealed: Sealed<string>, change: (bytes: Buffer) => Buffer): Sealed<string> {
  return change(Buffer.from(sealed)) as Sealed<string>;
}

beforeAll(async () => {
  fx = await cryptoFixture();
  tenantA = newTenantId();
  tenantB = newTenantId();
  await fx.keyring.ensureTenantKey(tenantA);
  await fx.keyring.ensureTenantKey(tenantB);
  keyA = await fx.keyring.activeKey(tenantA);
});

afterAll(async () => {
  await fx.cleanup();
});

describe('sealValue / openValue round trips', () => {
  const texts: Record<string, string> = {
    '0 B': '',
    '32 B': 'MRN 00412-77 / DOB 1980-01-02 ok',
    '1 KiB': 'x'.repeat(1024),
    unicode: 'Zoë Ångström 李小龙 مريض 👩🏽‍⚕️ e\u0301 ﬁ \u0000 end',
  };

  for (const [name, text] of Object.entries(texts)) {
    it(`round-trips text of ${name}`, () => {
      const context = at(tenantA);
      const sealed = sealValue(keyA, context, text);
      expect(sealed.length).toBe(OVERHEAD + Buffer.byteLength(text, 'utf8'));
      expect(openValue(keyA, context, sealed)).toBe(text);
    });
  }

  for (const size of [0, 32, 1024]) {
    it(`round-trips ${size} random bytes`, () => {
      const context = at(tenantA, 'row-bytes', 'attachment_key');
      const bytes = randomBytes(size);
      const sealed = sealValue(keyA, context, bytes);
      expect(openBytes(keyA, context, sealed).equals(bytes)).toBe(true);
    });
  }

  it('writes the self-describing header and a fresh nonce each time', () => {
    const context = at(tenantA);
    const first = sealValue(keyA, context, 'same value');
    const second = sealValue(keyA, context, 'same value');
    expect(first[0]).toBe(1); // format version
    expect(first[1]).toBe(1); // XChaCha20-Poly1305-IETF
    expect(first.readUInt32BE(2)).toBe(keyA.version);
    expect(sealedKeyVersion(first)).toBe(keyA.version);
    expect(first.subarray(6, 30).equals(second.subarray(6, 30))).toBe(false);
    expect(first.equals(second)).toBe(false);
  });

  it('does not contain the plaintext', () => {
    const canary = `CANARY-${randomUUID()}`;
    const sealed = sealValue(keyA, at(tenantA), canary);
    expect(sealed.includes(Buffer.from(canary))).toBe(false);
    expect(sealed.toString('latin1')).not.toContain(canary);
  });

  it('opens through the keyring by the version the value names', async () => {
    const context = at(tenantA);
    expect(await openValueWith(fx.keyring, context, sealValue(keyA, context, 'via keyring'))).toBe('via keyring');
    const bytes = randomBytes(40);
    expect((await openBytesWith(fx.keyring, context, sealValue(keyA, context, bytes))).equals(bytes)).toBe(true);
  });
});

describe('a sealed value only opens where it was sealed', () => {
  const canary = `CANARY-${randomUUID()}`;
  let sealed: Sealed<string>;
  const home = (): SealContext => at(tenantA, 'row-1', 'description', 'tickets');

  beforeAll(() => {
    sealed = sealValue(keyA, home(), canary);
    expect(openValue(keyA, home(), sealed)).toBe(canary);
  });

  it('fails in another row', () => {
    expectUnsealFailure(() => openValue(keyA, at(tenantA, 'row-2'), sealed), 'tampered', canary);
  });

  it('fails in another column of the same table', () => {
    expectUnsealFailure(() => openValue(keyA, at(tenantA, 'row-1', 'subject'), sealed), 'tampered', canary);
  });

  it('fails in the same column name of another table', () => {
    expectUnsealFailure(
      () => openValue(keyA, at(tenantA, 'row-1', 'description', 'comments'), sealed),
      'tampered',
      canary,
    );
  });

  it('fails in another tenant, through the keyring', async () => {
    await expectUnsealFailureAsync(() => openValueWith(fx.keyring, at(tenantB), sealed), 'tampered', canary);
  });

  it('refuses a key of another tenant', () => {
    expectUnsealFailure(() => openValue(keyA, at(tenantB), sealed), 'wrong_key', canary);
  });

  it('is not confused by ambiguous concatenations of the context', () => {
    const a = sealValue(keyA, at(tenantA, 'ab', 'c'), canary);
    expectUnsealFailure(() => openValue(keyA, at(tenantA, 'a', 'bc'), a as Sealed<string>), 'tampered', canary);
  });

  it('fails with any single bit flipped, anywhere', () => {
    for (let i = 0; i < sealed.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const bad = tampered(sealed, (b) => {
          b[i] = (b[i] as number) ^ bit;
          return b;
        });
        // header bytes fail before the cipher runs; everything else fails authentication
        const expected =
          i < 2 ? (['malformed'] as const) : i < 6 ? (['wrong_key', 'malformed'] as const) : (['tampered'] as const);
        expectUnsealFailure(() => openValue(keyA, home(), bad), expected, canary);
      }
    }
  });

  it('fails when truncated, at every length', () => {
    for (let length = 0; length < sealed.length; length++) {
      const bad = tampered(sealed, (b) => b.subarray(0, length));
      expectUnsealFailure(() => openValue(keyA, home(), bad), length < OVERHEAD ? 'malformed' : 'tampered', canary);
    }
  });

  it('fails when extended', () => {
    const bad = tampered(sealed, (b) => Buffer.concat([b, Buffer.from([0])]));
    expectUnsealFailure(() => openValue(keyA, home(), bad), 'tampered', canary);
  });

  it('fails for an unknown format version or algorithm', () => {
    for (const [index, value] of [
      [0, 2],
      [0, 0],
      [1, 2],
      [1, 0],
    ] as const) {
      const bad = tampered(sealed, (b) => {
        b[index] = value;
        return b;
      });
      expectUnsealFailure(() => openValue(keyA, home(), bad), 'malformed', canary);
    }
  });

  it('fails for a key version the tenant does not have', async () => {
    const bad = tampered(sealed, (b) => {
      b.writeUInt32BE(99, 2);
      return b;
    });
    await expectUnsealFailureAsync(() => openValueWith(fx.keyring, home(), bad), 'unknown_key_version', canary);
  });

  it('fails for key version 0 (the blind-index root is never a data key)', async () => {
    const bad = tampered(sealed, (b) => {
      b.writeUInt32BE(0, 2);
      return b;
    });
    await expectUnsealFailureAsync(() => openValueWith(fx.keyring, home(), bad), 'malformed', canary);
  });

  it('fails when garbage is presented as a sealed value', async () => {
    const garbage = randomBytes(100) as Sealed<string>;
    garbage[0] = 1;
    garbage[1] = 1;
    garbage.writeUInt32BE(1, 2);
    await expectUnsealFailureAsync(() => openValueWith(fx.keyring, home(), garbage), 'tampered');
  });
});

describe('sealing refuses bad input', () => {
  it('rejects an empty context field', async () => {
    for (const field of ['tenantId', 'table', 'column', 'rowId'] as const) {
      const context = { ...at(tenantA), [field]: '' };
      await expectSealFailure(() => sealValue(keyA, context, 'x'), 'invalid_context');
    }
  });

  it("rejects another tenant's key", async () => {
    await expectSealFailure(() => sealValue(keyA, at(tenantB), 'x'), 'wrong_key');
  });
});
