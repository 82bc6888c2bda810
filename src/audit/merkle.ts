// RFC 6962 (Certificate Transparency) Merkle tree hash over a chain's event hashes,
// in seq order: leaf = SHA-256(0x00 || 32 hash bytes), node = SHA-256(0x01 || left ||
// right), empty tree = SHA-256(""). A signed checkpoint commits to this root, so a
// chain recomputed after an edit no longer matches even though every link is sound.
//
// Computed incrementally: the accumulator keeps only the roots of the perfect subtrees
// that make up the tree so far (one per set bit of the size, at most 53), so a chain
// of millions is verified, or a sequencer resumes, without holding its leaves.

import { hash } from 'node:crypto';

const HASH_BYTES = 32;
const EMPTY_TREE_ROOT = hash('sha256', '', 'hex');

// Reused input buffers: hashing is synchronous, so no two calls can interleave.
const leafInput = Buffer.alloc(1 + HASH_BYTES);
leafInput[0] = 0x00;
const nodeInput = Buffer.alloc(1 + 2 * HASH_BYTES);
nodeInput[0] = 0x01;

function leafHashOfHex(eventHash: string): Buffer {
  if (eventHash.length !== 2 * HASH_BYTES || leafInput.write(eventHash, 1, 'hex') !== HASH_BYTES) {
    throw new TypeError('a Merkle leaf must be a 64-digit hex hash');
  }
  return hash('sha256', leafInput, 'buffer');
}

function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_BYTES);
  return hash('sha256', nodeInput, 'buffer');
}

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
  // subtreeRoots[i] covers a perfect subtree; sizes strictly decrease left to right.
  #subtreeRoots: Buffer[] = [];

  static fromFrontier(frontier: MerkleFrontier): MerkleAccumulator {
    const { size, subtreeRoots } = frontier;
    if (!Number.isSafeInteger(size) || size < 0 || popCount(size) !== subtreeRoots.length) {
      throw new TypeError('Merkle frontier does not match its size');
    }
    const accumulator = new MerkleAccumulator();
    accumulator.#size = size;
    accumulator.#subtreeRoots = subtreeRoots.map((root) => {
      const bytes = Buffer.from(root, 'hex');
      if (root.length !== 2 * HASH_BYTES || bytes.length !== HASH_BYTES) {
        throw new TypeError('a Merkle frontier root must be a 64-digit hex hash');
      }
      return bytes;
    });
    return accumulator;
  }

  /** Number of leaves pushed. */
  get size(): number {
    return this.#size;
  }

  /** Appends the next event hash (64 hex digits) as a leaf. */
  push(eventHash: string): void {
    let carry = leafHashOfHex(eventHash);
    // Each trailing 1 bit of the old size is a same-sized subtree to merge with.
    for (let n = this.#size; n % 2 === 1; n = (n - 1) / 2) {
      carry = nodeHash(this.#subtreeRoots.pop() as Buffer, carry);
    }
    this.#subtreeRoots.push(carry);
    this.#size++;
  }

  /** RFC 6962 tree hash of the leaves so far, lowercase hex. */
  root(): string {
    const roots = this.#subtreeRoots;
    if (roots.length === 0) return EMPTY_TREE_ROOT;
    // Folding right to left reproduces RFC 6962's split at the largest power of two.
    let acc = roots[roots.length - 1] as Buffer;
    for (let i = roots.length - 2; i >= 0; i--) acc = nodeHash(roots[i] as Buffer, acc);
    return acc.toString('hex');
  }

  frontier(): MerkleFrontier {
    return { size: this.#size, subtreeRoots: this.#subtreeRoots.map((root) => root.toString('hex')) };
  }
}

/** RFC 6962 tree hash of event hashes in seq order, lowercase hex. */
export function merkleRoot(eventHashes: Iterable<string>): string {
  const accumulator = new MerkleAccumulator();
  for (const eventHash of eventHashes) accumulator.push(eventHash);
  return accumulator.root();
}
