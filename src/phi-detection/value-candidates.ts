// Value-based detection, first half: which tokens of an outgoing text could be another
// patient's identifier. Each candidate names the contact blind index it must be looked
// up in (src/contacts/contacts.model.ts searchIndexes) and is normalised exactly as
// that index normalises on write, so an equal value gives an equal blind index.
//
// Candidates are found independently of the pattern pass and more broadly: a lookup by
// blind index only hits a value a contact really has, so a loose candidate costs one
// hash, not a false positive. Phones in any common spelling (separators or none, +1 or
// not), emails, and every token with five or more digits as a possible MRN (fewer is a year, an extension) (with and
// without a short letter prefix written apart, "E 0041278" for a stored "E-0041278").
// All expressions are linear (no nested quantifiers); the text is bounded by MAX_SCAN_CHARS.
import { normaliseForBlindIndex } from '../crypto/index.js';
import { searchIndexes } from '../contacts/contacts.model.js';
import { MAX_SCAN_CHARS } from './patterns.js';

export type CandidateIndex = 'mrn' | 'email' | 'phone';

export interface ValueCandidate {
  index: CandidateIndex;
  /** normalised value: hashed and then dropped, never logged or audited */
  normalised: string;
  offset: number;
  length: number;
}

const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}/gi;
const PHONE = /(?<![\w+])(?:\+?1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}(?!\w)/g;
/** a token of letters, digits and inner hyphens, optionally after a short letter prefix written apart */
const TOKEN = /(?<![\w-])(?:([A-Za-z]{1,4})[ :#]{1,2})?((?=[A-Za-z-]{0,31}\d)[A-Za-z0-9][A-Za-z0-9-]{2,31})(?![\w-])/g;
const MRN_LABEL = /^(?:mrn|mr|id|no)$/i;
/** an address written out to dodge spam filters: "pat at example.org", "pat [at] example [dot] org" */
const EMAIL_AT =
  /(?<![a-z0-9._%+-])([a-z0-9._%+-]{1,64})(?: \[at\] |\[at\]| \(at\) |\(at\)| at )([a-z0-9-]{1,63}(?:(?:\.| \[dot\] |\[dot\]| \(dot\) |\(dot\)| dot )[a-z0-9-]{1,63}){1,8})/gi;
const SPELLED_DOT = / \[dot\] |\[dot\]| \(dot\) |\(dot\)| dot /gi;
/** dash-like characters word processors put for a hyphen (same length: offsets hold) */
const DASHES = /[\u2010-\u2015\u2212]/g;
/** a letter O typed for a zero next to a digit ("555-O142"), same length */
const LETTER_O = /[Oo]+(?=\d)|(?<=\d)[Oo]+/g;
/**
 * a run of digits with the separators people put in them ("617-555-01 42", "0041 2781"),
 * optionally after a short letter prefix ("E-0088 123"); the character class is starred
 * once, so matching stays linear
 */
const DIGIT_RUN = /(?<![A-Za-z0-9])([A-Za-z]{1,4}[- ]?)?([+(]?\d[\d .()-]{0,40}\d)/g;

/**
 * Triggers (why the text between them can be skipped unread): every EMAIL match holds an
 * "@" at most 65 characters after its start; every PHONE, DIGIT_RUN and TOKEN match a
 * digit at most 4, 7 and 38 characters after it (optional prefix, then the lookahead's 31
 * letters); every EMAIL_AT match a spelled "at" followed by a domain label and a dot.
 */
const AT_SIGN = /@/g;
const DIGIT = /\d/g;
const SPELLED_AT =
  /(?: \[at\] |\[at\]| \(at\) |\(at\)| at )[a-z0-9-]{1,63}(?:\.| \[dot\] |\[dot\]| \(dot\) |\(dot\)| dot )/gi;
const O_NEXT_TO_DIGIT = /\d[Oo]|[Oo]\d/;

/**
 * The same matches as text.matchAll(re) (re global, never matching empty), but re only
 * runs from `reach` characters before the next trigger: the text in between cannot hold
 * the start of a match, and running each expression over all of a 4 KiB reply was most of
 * the candidate pass's cost (bench/RESULTS.md, PHI detection profile).
 */
function* matchesNear(text: string, re: RegExp, trigger: RegExp, reach: number): Generator<RegExpExecArray> {
  let from = 0;
  while (from < text.length) {
    trigger.lastIndex = from;
    const t = trigger.exec(text);
    if (t === null) return;
    re.lastIndex = Math.max(from, t.index - reach);
    const m = re.exec(text);
    if (m === null) return;
    yield m;
    from = m.index + Math.max(1, m[0].length);
  }
}

const NON_ASCII = /[\u0080-\uffff]/;
const NOT_DIGIT = /[^0-9]/g;
const NOT_ALNUM = /[^a-z0-9]/g;
/**
 * normaliseForBlindIndex, with a fast path for ASCII (where NFKC changes nothing): the
 * same result, without an NFKC pass per candidate (tests/phi-detection compare the two)
 */
export function normaliseCandidate(index: CandidateIndex, value: string): string {
  if (NON_ASCII.test(value)) return normaliseForBlindIndex(searchIndexes[index].kind, value);
  if (index === 'phone') return value.replace(NOT_DIGIT, '');
  if (index === 'mrn') return value.toLowerCase().replace(NOT_ALNUM, '');
  return value.trim().toLowerCase();
}

export function valueCandidates(text: string): ValueCandidate[] {
  const scanned = (text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text).replace(DASHES, '-');
  // digits only: phones and digit runs read O as 0 (an email or a token keeps its letters)
  const numeric = O_NEXT_TO_DIGIT.test(scanned) ? scanned.replace(LETTER_O, (o) => '0'.repeat(o.length)) : scanned;
  const out: ValueCandidate[] = [];
  const seen = new Set<string>();
  const push = (index: CandidateIndex, normalised: string, offset: number, length: number) => {
    const key = `${index}:${normalised}:${offset}`;
    if (normalised.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ index, normalised, offset, length });
  };
  for (const m of matchesNear(scanned, EMAIL, AT_SIGN, 65))
    push('email', normaliseCandidate('email', m[0]), m.index, m[0].length);
  for (const m of matchesNear(numeric, PHONE, DIGIT, 4)) {
    const digits = normaliseCandidate('phone', m[0]);
    // Contacts may be stored with or without the +1 country code: look both up.
    push('phone', digits, m.index, m[0].length);
    if (digits.length === 11 && digits.startsWith('1')) push('phone', digits.slice(1), m.index, m[0].length);
    if (digits.length === 10) push('phone', `1${digits}`, m.index, m[0].length);
  }
  for (const m of matchesNear(scanned, EMAIL_AT, SPELLED_AT, 65))
    push('email', normaliseCandidate('email', `${m[1]}@${m[2]!.replace(SPELLED_DOT, '.')}`), m.index, m[0].length);
  for (const m of matchesNear(numeric, DIGIT_RUN, DIGIT, 7)) {
    const [whole, prefix, run] = m as unknown as [string, string | undefined, string];
    const runAt = m.index + whole.length - run.length;
    const digits = normaliseCandidate('phone', run);
    if (digits.length === 10) push('phone', digits, runAt, run.length);
    if (digits.length === 10) push('phone', `1${digits}`, runAt, run.length);
    if (digits.length === 11 && digits.startsWith('1')) {
      push('phone', digits, runAt, run.length);
      push('phone', digits.slice(1), runAt, run.length);
    }
    if (digits.length >= 5 && /[ .()]/.test(run)) push('mrn', digits, runAt, run.length);
    if (prefix && digits.length >= 5 && !MRN_LABEL.test(prefix.trim()))
      push('mrn', normaliseCandidate('mrn', prefix + digits), m.index, whole.length);
  }
  for (const m of matchesNear(scanned, TOKEN, DIGIT, 38)) {
    const [whole, prefix, token] = m as unknown as [string, string | undefined, string];
    if ((token.match(/\d/g)?.length ?? 0) < 5) continue;
    const tokenAt = m.index + whole.length - token.length;
    push('mrn', normaliseCandidate('mrn', token), tokenAt, token.length);
    if (prefix && !MRN_LABEL.test(prefix))
      push('mrn', normaliseCandidate('mrn', prefix + token), m.index, whole.length);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
