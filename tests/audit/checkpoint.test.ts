import { describe, expect, it } from 'vitest';
import {
  CheckpointFormatError,
  checkpointSigningInput,
  parseSignedCheckpoint,
  signCheckpoint,
  signCheckpointOf,
  verifyCheckpointSignature,
} from '../../src/audit/checkpoint/checkpoint.js';
import { GENESIS_HASH } from '../../src/audit/capture/event.js';
import { MerkleAccumulator, merkleRoot } from '../../src/audit/checkpoint/merkle.js';
import {
  AuditKeyError,
  auditPublicJwks,
  keyIdOf,
  loadCheckpointSigningKey,
  publicKeyFromBase64,
  publicKeyFromJwk,
  publicKeyFromSeed,
  publicKeyToBase64,
  publicKeyToJwk,
} from '../../src/audit/checkpoint/signing-key.js';
import { buildChain, otherKey, testKey, testSeed } from './chain-fixture.js';

// RFC 8037 appendix A: an Ed25519 key and its RFC 7638 thumbprint.
const rfcSeed = Buffer.from('nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', 'base64url').toString('base64');
const rfcX = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
const rfcThumbprint = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

const events = buildChain(1, 10);
const head = events[9]!;
const fields = {
  tenantId: head.tenantId,
  treeSize: 10,
  headHash: head.hash,
  merkleRoot: merkleRoot(events.map((e) => e.hash)),
  issuedAt: '2025-01-06T09:00:00.000Z',
};

describe('checkpoint signing key', () => {
  it('derives the RFC 8037 public key and thumbprint from the seed', () => {
    const publicKey = publicKeyFromSeed(rfcSeed);
    expect(Buffer.from(publicKey).toString('base64url')).toBe(rfcX);
    expect(keyIdOf(publicKey)).toBe(rfcThumbprint);
    expect(loadCheckpointSigningKey(rfcSeed).keyId).toBe(rfcThumbprint);
  });

  it('exports the public key as base64 and as a JWK whose kid is the key id', () => {
    const publicKey = publicKeyFromSeed(testSeed);
    expect(publicKeyFromBase64(publicKeyToBase64(publicKey))).toEqual(publicKey);
    const jwk = publicKeyToJwk(publicKey);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: testKey.keyId });
    expect(publicKeyFromJwk(JSON.parse(JSON.stringify(jwk)))).toEqual(publicKey);
    expect(auditPublicJwks([publicKey, otherKey.publicKey]).keys.map((k) => k.kid)).toEqual([
      testKey.keyId,
      otherKey.keyId,
    ]);
    expect(() => publicKeyFromJwk({ ...jwk, kid: otherKey.keyId })).toThrow(AuditKeyError);
  });

  it('refuses seeds and keys of the wrong size without echoing them', () => {
    const secretish = Buffer.alloc(31, 7).toString('base64');
    expect(() => loadCheckpointSigningKey(secretish)).toThrow(AuditKeyError);
    try {
      loadCheckpointSigningKey(secretish);
    } catch (error) {
      expect((error as Error).message).not.toContain(secretish);
    }
    expect(() => publicKeyFromBase64('not base64 at all!')).toThrow(AuditKeyError);
    expect(() => publicKeyFromBase64(Buffer.alloc(33).toString('base64'))).toThrow(AuditKeyError);
  });
});

describe('signed checkpoints', () => {
  it('signs and verifies; headSeq and keyId follow from treeSize and the key', () => {
    const checkpoint = signCheckpoint(fields, testKey);
    expect(checkpoint).toMatchObject({ ...fields, headSeq: 10, keyId: testKey.keyId });
    expect(verifyCheckpointSignature(checkpoint, testKey.publicKey)).toBe(true);
    expect(verifyCheckpointSignature(checkpoint, otherKey.publicKey)).toBe(false);
  });

  it('signs what the sequencer holds: an accumulator and the head hash', () => {
    const accumulator = new MerkleAccumulator();
    for (const event of events) accumulator.push(event.hash);
    const checkpoint = signCheckpointOf(
      head.tenantId,
      accumulator,
      head.hash,
      new Date('2025-01-06T09:00:00.000Z'),
      testKey,
    );
    expect(checkpoint).toEqual(signCheckpoint(fields, testKey));
  });

  it('fails verification when any signed field changes', () => {
    const checkpoint = signCheckpoint(fields, testKey);
    const edits = [
      { tenantId: 'other' },
      { treeSize: 11, headSeq: 11 },
      { headHash: GENESIS_HASH },
      { merkleRoot: GENESIS_HASH },
      { issuedAt: '2025-01-06T09:00:01.000Z' },
      { keyId: otherKey.keyId },
    ];
    for (const edit of edits)
      expect(verifyCheckpointSignature({ ...checkpoint, ...edit }, testKey.publicKey)).toBe(false);
  });

  it('treats a malformed signature as invalid, not as an error', () => {
    const checkpoint = signCheckpoint(fields, testKey);
    expect(verifyCheckpointSignature({ ...checkpoint, signature: 'AAAA' }, testKey.publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...checkpoint, signature: checkpoint.signature + '=' }, testKey.publicKey)).toBe(
      false,
    );
  });

  it('signs a domain-separated, sorted-key encoding', () => {
    const checkpoint = signCheckpoint(fields, testKey);
    const text = checkpointSigningInput(checkpoint).toString('utf8');
    expect(text.startsWith('phidesk.audit.checkpoint.v1\n{"headHash":')).toBe(true);
    expect(text.endsWith(',"treeSize":10}')).toBe(true);
  });

  it('refuses to sign or parse a malformed checkpoint', () => {
    expect(() => signCheckpoint({ ...fields, headHash: 'nope' }, testKey)).toThrow(CheckpointFormatError);
    const stored = JSON.parse(JSON.stringify(signCheckpoint(fields, testKey)));
    expect(parseSignedCheckpoint(stored)).toEqual(stored);
    expect(() => parseSignedCheckpoint({ ...stored, extra: 1 })).toThrow('unknown field "extra"');
    expect(() => parseSignedCheckpoint({ ...stored, headSeq: 9 })).toThrow('headSeq must equal treeSize');
    expect(() => parseSignedCheckpoint({ ...stored, signature: undefined })).toThrow('signature');
  });
});
