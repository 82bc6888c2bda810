// Blind indexes: equality search over sealed PHI (MRN, email, phone, date of
// birth) without decrypting every row. The index is BLAKE2b keyed with a
// per-tenant, per-column key over the normalised value, with a 16-byte output.
//
// What they leak: equal values in one tenant's column have equal indexes, so an
// attacker with the database sees which rows share a value (not the value).
// Different tenants and columns use different keys, so nothing links across them.

import { AppError } from '../errors.js';
import { SealError } from './errors.js';
import type { BlindIndex } from './sealed.js';
import { getSodium } from './sodium.js';
import type { BlindIndexKey } from './tenant-key.js';

export const BLIND_INDEX_BYTES = 16;

export type BlindIndexKind = 'text' | 'digits' | 'email' | 'date' | 'identifier';

// Hashed in front of the value, so the same string indexed as two kinds differs.
const kindTags: Record<BlindIndexKind, number> = { text: 1, digits: 2, email: 3, date: 4, identifier: 5 };

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function normaliseDate(value: string): string {
  const match = ISO_DATE.exec(value.trim());
  if (match === null) throw new AppError('VALIDATION_FAILED', 'Dates must be written as yyyy-mm-dd.');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-30 over to March; a real calendar date survives the round trip
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new AppError('VALIDATION_FAILED', 'The date does not exist in the calendar.');
  }
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * How each kind of value is made comparable before hashing. Writes and searches
 * must use the same kind for a column, or nothing will ever match.
 */
export const blindIndexNormalisers: Readonly<Record<BlindIndexKind, (value: string) => string>> = {
  /** names and free identifiers: NFKC, lower case, trimmed, inner whitespace runs -> one space */
  text: (value) => value.normalize('NFKC').toLowerCase().normalize('NFKC').trim().replace(/\s+/gu, ' '),
  /** phone numbers, MRNs, member ids: the digits only (NFKC first, so full-width digits count) */
  digits: (value) => value.normalize('NFKC').replace(/[^0-9]/g, ''),
  /** email addresses: trimmed and lower case */
  email: (value) => value.trim().toLowerCase(),
  /** dates: ISO yyyy-mm-dd, zero-padded; anything else is rejected */
  date: normaliseDate,
  /**
   * record numbers that may hold letters (MRNs such as "E-004127"): NFKC, lower case,
   * letters and digits only. For all-digit identifiers this equals `digits`; keeping
   * the letters stops "E004127" and "F004127" from becoming the same MRN.
   */
  identifier: (value) =>
    value
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, ''),
};

export function normaliseForBlindIndex(kind: BlindIndexKind, value: string): string {
  return blindIndexNormalisers[kind](value);
}

/**
 * The blind index of `value` in the key's tenant and column.
 *
 * A match is only a candidate: a 16-byte truncation can collide, and normalisation
 * makes distinct inputs equal. Callers must open the candidate rows and compare
 * the plaintext before treating a row as a match.
 *
 * Throws VALIDATION_FAILED if nothing is left after normalisation (an empty index
 * would make every such value equal to every other).
 */
export function blindIndex(key: BlindIndexKey, kind: BlindIndexKind, value: string): BlindIndex {
  const normalised = normaliseForBlindIndex(kind, value);
  if (normalised.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The value has nothing searchable after normalisation.');
  }
  if (key.destroyed) throw new SealError('key_evicted');
  const message = Buffer.allocUnsafe(1 + Buffer.byteLength(normalised, 'utf8'));
  message[0] = kindTags[kind];
  message.write(normalised, 1, 'utf8');
  const digest = getSodium().crypto_generichash(BLIND_INDEX_BYTES, message, key.bytes());
  return Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength) as BlindIndex;
}
