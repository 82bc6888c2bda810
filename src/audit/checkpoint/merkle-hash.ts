// SHA-256 of the two fixed-size Merkle inputs (0x00 || 32 bytes, 0x01 || 32 || 32),
// computed in JavaScript on 32-bit words. A Merkle tree costs two hashes per event,
// and at these sizes node:crypto spends most of its time crossing into C++ and
// allocating a Buffer per digest, not hashing: this path does the same work in about
// half the time with no allocation, which the 200k events/s verification budget needs.
// Only public values (event hashes) pass through here, so constant time is moot; the
// tests cross-check every shape against node:crypto.
//
// A hash is 8 big-endian words at some offset of an Int32Array.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL_STATE = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const LEAF_BITS = 33 * 8;
const NODE_BITS = 65 * 8;

// Message schedule scratch; hashing is synchronous, so one is enough.
const W = new Int32Array(64);

/** One SHA-256 block: W[0..15] holds the block, state[at..at+7] is updated in place. */
function compress(state: Int32Array, at: number): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15] as number;
    const w2 = W[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
  }
  let a = state[at] as number;
  let b = state[at + 1] as number;
  let c = state[at + 2] as number;
  let d = state[at + 3] as number;
  let e = state[at + 4] as number;
  let f = state[at + 5] as number;
  let g = state[at + 6] as number;
  let h = state[at + 7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[at] = ((state[at] as number) + a) | 0;
  state[at + 1] = ((state[at + 1] as number) + b) | 0;
  state[at + 2] = ((state[at + 2] as number) + c) | 0;
  state[at + 3] = ((state[at + 3] as number) + d) | 0;
  state[at + 4] = ((state[at + 4] as number) + e) | 0;
  state[at + 5] = ((state[at + 5] as number) + f) | 0;
  state[at + 6] = ((state[at + 6] as number) + g) | 0;
  state[at + 7] = ((state[at + 7] as number) + h) | 0;
}

/** out[at..] = SHA-256(0x00 || leaf[from..from+7]): the RFC 6962 leaf hash. */
export function leafHashWords(leaf: Int32Array, from: number, out: Int32Array, at: number): void {
  // The one-byte prefix shifts the 32 data bytes across word boundaries by 8 bits.
  W[0] = (leaf[from] as number) >>> 8;
  for (let i = 1; i < 8; i++) W[i] = ((leaf[from + i - 1] as number) << 24) | ((leaf[from + i] as number) >>> 8);
  W[8] = ((leaf[from + 7] as number) << 24) | (0x80 << 16);
  for (let i = 9; i < 15; i++) W[i] = 0;
  W[15] = LEAF_BITS;
  out.set(INITIAL_STATE, at);
  compress(out, at);
}

/** out[at..] = SHA-256(0x01 || left || right): the RFC 6962 interior node hash. Both inputs are read before `out` is written, so `out` may be either of them. */
export function nodeHashWords(
  left: Int32Array,
  leftFrom: number,
  right: Int32Array,
  rightFrom: number,
  out: Int32Array,
  at: number,
): void {
  W[0] = (1 << 24) | ((left[leftFrom] as number) >>> 8);
  for (let i = 1; i < 8; i++)
    W[i] = ((left[leftFrom + i - 1] as number) << 24) | ((left[leftFrom + i] as number) >>> 8);
  W[8] = ((left[leftFrom + 7] as number) << 24) | ((right[rightFrom] as number) >>> 8);
  for (let i = 9; i < 16; i++)
    W[i] = ((right[rightFrom + i - 9] as number) << 24) | ((right[rightFrom + i - 8] as number) >>> 8);
  const lastRightByte = (right[rightFrom + 7] as number) & 0xff;
  out.set(INITIAL_STATE, at);
  compress(out, at);
  W[0] = (lastRightByte << 24) | (0x80 << 16);
  for (let i = 1; i < 15; i++) W[i] = 0;
  W[15] = NODE_BITS;
  compress(out, at);
}

const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE[i.toString(16).charCodeAt(0)] = i;
  HEX_VALUE[i.toString(16).toUpperCase().charCodeAt(0)] = i;
}

/** Parses 64 hex digits into out[at..at+7]; false (out unspecified) when `hex` is not that. */
export function hexToWords(hex: string, out: Int32Array, at: number): boolean {
  if (hex.length !== 64) return false;
  for (let word = 0; word < 8; word++) {
    let value = 0;
    for (let i = word * 8, end = i + 8; i < end; i++) {
      const code = hex.charCodeAt(i);
      const digit = code < 128 ? (HEX_VALUE[code] as number) : -1;
      if (digit < 0) return false;
      value = (value << 4) | digit;
    }
    out[at + word] = value;
  }
  return true;
}

export function wordsToHex(words: Int32Array, at: number): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += ((words[at + i] as number) >>> 0).toString(16).padStart(8, '0');
  return hex;
}
