import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleAccumulator, merkleRoot } from '../../src/audit/checkpoint/merkle.js';
import { hexToWords, leafHashWords, nodeHashWords, wordsToHex } from '../../src/audit/checkpoint/merkle-hash.js';

const sha256 = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();

// RFC 6962 section 2.1, recursively, straight from the definition.
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return sha256(Buffer.from([0]), leaves[0] as Buffer);
  let split = 1;
  while (split * 2 < leaves.length) split *= 2;
  return sha256(Buffer.from([1]), referenceRoot(leaves.slice(0, split)), referenceRoot(leaves.slice(split)));
}

const leaves = Array.from({ length: 300 }, (_, i) => sha256(Buffer.from(`event ${i}`)));
const hex = (buffers: Buffer[]): string[] => buffers.map((buffer) => buffer.toString('hex'));

describe('merkle tree hash', () => {
  it('is SHA-256 of nothing for an empty tree', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches the RFC 6962 definition for every size up to 300', () => {
    for (let size = 0; size <= 300; size++) {
      expect(merkleRoot(hex(leaves.slice(0, size))), `size ${size}`).toBe(
        referenceRoot(leaves.slice(0, size)).toString('hex'),
      );
    }
  });

  it('gives the root at every intermediate size while streaming', () => {
    const accumulator = new MerkleAccumulator();
    leaves.slice(0, 70).forEach((leaf, index) => {
      accumulator.push(leaf.toString('hex'));
      expect(accumulator.size).toBe(index + 1);
      expect(accumulator.root()).toBe(referenceRoot(leaves.slice(0, index + 1)).toString('hex'));
    });
  });

  it('resumes from a persisted frontier', () => {
    const accumulator = new MerkleAccumulator();
    for (const leaf of hex(leaves.slice(0, 123))) accumulator.push(leaf);
    const frontier = JSON.parse(JSON.stringify(accumulator.frontier()));
    expect(frontier.subtreeRoots).toHaveLength(6); // 123 = 0b1111011
    const resumed = MerkleAccumulator.fromFrontier(frontier);
    for (const leaf of hex(leaves.slice(123))) resumed.push(leaf);
    expect(resumed.root()).toBe(referenceRoot(leaves).toString('hex'));
    expect(() => MerkleAccumulator.fromFrontier({ size: 5, subtreeRoots: [] })).toThrow(TypeError);
  });

  it('refuses leaves that are not 64 hex digits', () => {
    const accumulator = new MerkleAccumulator();
    expect(() => accumulator.push('abc')).toThrow(TypeError);
    expect(() => accumulator.push('g'.repeat(64))).toThrow(TypeError);
    expect(accumulator.size).toBe(0);
  });
});

describe('word-level SHA-256 for Merkle inputs', () => {
  it('agrees with node:crypto on random leaves and nodes', () => {
    const a = new Int32Array(8);
    const b = new Int32Array(8);
    const out = new Int32Array(8);
    for (let i = 0; i < 500; i++) {
      const left = randomBytes(32);
      const right = randomBytes(32);
      expect(hexToWords(left.toString('hex'), a, 0)).toBe(true);
      expect(hexToWords(right.toString('hex'), b, 0)).toBe(true);
      expect(wordsToHex(a, 0)).toBe(left.toString('hex'));
      leafHashWords(a, 0, out, 0);
      expect(wordsToHex(out, 0)).toBe(sha256(Buffer.from([0]), left).toString('hex'));
      nodeHashWords(a, 0, b, 0, out, 0);
      expect(wordsToHex(out, 0)).toBe(sha256(Buffer.from([1]), left, right).toString('hex'));
      nodeHashWords(a, 0, b, 0, b, 0); // output over an input
      expect(wordsToHex(b, 0)).toBe(sha256(Buffer.from([1]), left, right).toString('hex'));
    }
  });
});
