// Value-based detection, first half: which tokens of an outgoing text could be another
// patient's identifier. Each candidate names the contact blind index it must be looked
// up in (src/contacts/contacts.model.ts searchIndexes) and is normalised exactly as
// that index normalises on write, so an equal value gives an equal blind index.
import { normaliseForBlindIndex } from '../crypto/index.js';
import { searchIndexes } from '../contacts/contacts.model.js';
import type { PhiFinding } from './patterns.js';

export type CandidateIndex = 'mrn' | 'email' | 'phone';

export interface ValueCandidate {
  index: CandidateIndex;
  /** normalised value: hashed and then dropped, never logged or audited */
  normalised: string;
  offset: number;
  length: number;
}

const MRN_PREFIX = /^MRN[:# ]{0,3}/i;

export function valueCandidates(text: string, findings: readonly PhiFinding[]): ValueCandidate[] {
  const out: ValueCandidate[] = [];
  for (const f of findings) {
    const raw = text.slice(f.offset, f.offset + f.length);
    const at = { offset: f.offset, length: f.length };
    if (f.kind === 'email') {
      out.push({ index: 'email', normalised: normaliseForBlindIndex(searchIndexes.email.kind, raw), ...at });
    } else if (f.kind === 'phone') {
      const digits = normaliseForBlindIndex(searchIndexes.phone.kind, raw);
      out.push({ index: 'phone', normalised: digits, ...at });
      // Contacts may be stored with or without the +1 country code: look both up.
      if (digits.length === 11 && digits.startsWith('1'))
        out.push({ index: 'phone', normalised: digits.slice(1), ...at });
      if (digits.length === 10) out.push({ index: 'phone', normalised: `1${digits}`, ...at });
    } else if (f.kind === 'mrn') {
      const value = raw.replace(MRN_PREFIX, '');
      out.push({ index: 'mrn', normalised: normaliseForBlindIndex(searchIndexes.mrn.kind, value), ...at });
    }
  }
  return out;
}
