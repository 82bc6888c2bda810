// RFC 6962 (Certificate Transparency) Merkle tree hash over a chain's event hashes,
// in seq order: leaf = SHA-256(0x00 || 32 hash bytes), node = SHA-256(0x01 || left ||
// right), empty tree = SHA-256(""). A signed checkpoint commits to this root, and
// unlike the head hash alone it lets a later tool prove one event's inclusion, or
// one checkpoint's consistency with another, without the whole chain.
//
// Computed incrementally: the accumulator keeps only the roots of the perfect subtrees
// that make up the tree so far (one per set bit of the size, at most 53), so a chain
// of millions is verified, or a sequencer resumes, without holding its leaves.

import { hash } from 'node:crypto';
import { hexToWords, leafHashWords, nodeHashWords, wordsToHex } from './merkle-hash.js';

const WORDS = 8;
const MAX_SUBTREES = 53; // one per bit of a safe-integer size
const EMPTY_TREE_ROOT = hash('sha256', '', 'hex');

/** The persistable state of an accumulator: enough to resume without the leaves. */
export interface MerkleFrontier {
  size: number;
  /** roots of the perfect subtrees, largest (leftmost) first, lowercase hex */
  subtreeRoots: string[];
}

function popCount(size: number): number {
  let bits = 0;
  for (let n = size; n > 0; n = Math.floor(n / 2)) bits += n % 2;
  return bits;
}

export class MerkleAccumulator {
  #size = 0;
  // Subtree roots, 8 words each, largest (leftmost) first; #count of them in use.
  #subtrees = new Int32Array(MAX_SUBTREES * WORDS);
  #count = 0;
  #carry = new Int32Array(WORDS);

  static fromFrontier(frontier: MerkleFrontier): MerkleAccumulator {
    const { size, subtreeRoots } = frontier;
    if (!Number.isSafeInteger(size) || size < 0 || popCount(size) !== subtreeRoots.length) {
      throw new TypeError('Merkle frontier does not match its size');
    }
    const accumulator = new MerkleAccumulator();
    subtreeRoots.forEach((root, index) => {
      if (!hexToWords(root, accumulator.#subtrees, index * WORDS)) {
        throw new TypeError('a Merkle frontier root must be a 64-digit hex hash');
      }
    });
    accumulator.#size = size;
    accumulator.#count = subtreeRoots.length;
    return accumulator;
  }

  /** Number of leaves pushed. */
  get size(): number {
    return this.#size;
  }

  /** Appends the next event hash (64 hex digits) as a leaf. */
  push(eventHash: string): void {
    const carry = this.#carry;
    if (!hexToWords(eventHash, carry, 0)) throw new TypeError('a Merkle leaf must be a 64-digit hex hash');
    leafHashWords(carry, 0, carry, 0);
    let top = this.#count;
    // Each trailing 1 bit of the old size is a same-sized subtree to merge with.
    for (let n = this.#size; n % 2 === 1; n = (n - 1) / 2) {
      top--;
      nodeHashWords(this.#subtrees, top * WORDS, carry, 0, carry, 0);
    }
    this.#subtrees.set(carry, top * WORDS);
    this.#count = top + 1;
    this.#size++;
  }

  /** RFC 6962 tree hash of the leaves so far, lowercase hex. */
  root(): string {
    if (this.#count === 0) return EMPTY_TREE_ROOT;
    const subtrees = this.#subtrees;
    const acc = subtrees.slice((this.#count - 1) * WORDS, this.#count * WORDS);
    // Folding right to left reproduces RFC 6962's split at the largest power of two.
    for (let i = this.#count - 2; i >= 0; i--) nodeHashWords(subtrees, i * WORDS, acc, 0, acc, 0);
    return wordsToHex(acc, 0);
  }

  frontier(): MerkleFrontier {
    const subtreeRoots: string[] = [];
    for (let i = 0; i < this.#count; i++) subtreeRoots.push(wordsToHex(this.#subtrees, i * WORDS));
    return { size: this.#size, subtreeRoots };
  }
}

/** RFC 6962 tree hash of event hashes in seq order, lowercase hex. */
export function merkleRoot(eventHashes: Iterable<string>): string {
  const accumulator = new MerkleAccumulator();
  for (const eventHash of eventHashes) accumulator.push(eventHash);
  return accumulator.root();
}
