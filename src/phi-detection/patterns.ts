// Pattern pass of PHI detection on the way out: finds HIPAA identifier kinds
// (45 CFR 164.514(b)(2)) that have a recognisable shape. A finding carries the kind
// and position only, never the matched value, so findings can be audited and logged.
//
// Every built-in pattern is linear: no nested quantifiers, no backreferences, no
// lookbehind, bounded repetition. Tenant patterns (MRN, account formats) go through
// validateTenantPattern, which rejects constructs that can backtrack exponentially and
// bounds their length; the scanned text is bounded too (MAX_SCAN_CHARS).

export const PHI_KINDS = ['ssn', 'phone', 'email', 'date', 'zip', 'address', 'url', 'ip', 'mrn', 'account'] as const;
export type PhiPatternKind = (typeof PHI_KINDS)[number];

export interface PhiFinding {
  kind: PhiPatternKind;
  offset: number;
  length: number;
}

/** Text beyond this is not scanned by patterns; callers treat longer text as one more finding-free tail. */
export const MAX_SCAN_CHARS = 256 * 1024;
const MAX_TENANT_PATTERN_CHARS = 200;

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/**
 * Built-in shapes; the clinical context words keep version strings and order numbers out.
 * A rule may carry a test of something every one of its matches contains ("@", "::"):
 * when the text lacks it the rule is not run. Running the email, IPv6 and bare-domain URL
 * rules over every reply was half of the pattern pass (bench/RESULTS.md, profile).
 */
type Rule = readonly [PhiPatternKind, RegExp, ((text: string) => boolean)?];
const hasAt = (t: string) => t.includes('@');
/** an IPv6 match holds "::" or seven colons */
const mayHoldIpv6 = (t: string) => t.includes('::') || t.split(':').length > 7;
const TLD_SLASH = /\.(?:com|org|net|edu|gov|io|us|health)\//i;
const builtIn: ReadonlyArray<Rule> = [
  // after a label, any separator (or none) is an SSN; without one, only the dashed shape
  ['ssn', /\b(?:ssn|ss#|ss number|social security(?: number| no\.?)?)[:#= ]{0,3}\d{3}[ .-]?\d{2}[ .-]?\d{4}\b/gi],
  ['ssn', /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g],
  ['email', /\b[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}\b/gi, hasAt],
  ['url', /\bhttps?:\/\/[^\s<>"']{1,2000}/gi, (t) => t.includes('://')],
  ['url', /\bwww\.[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}(?:\/[^\s<>"']{0,2000})?/gi],
  [
    'url',
    /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,6}\.(?:com|org|net|edu|gov|io|us|health)\/[^\s<>"']{1,2000}/gi,
    (t) => TLD_SLASH.test(t),
  ],
  ['ip', /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b(?!\.\d)/g],
  // IPv6: with "::" or all eight groups (so times like 10:45:30 are not addresses)
  [
    'ip',
    /\b(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi,
    mayHoldIpv6,
  ],
  ['phone', /(?<![\d.])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}\b/g],
  ['phone', /(?<![\w+])\+1\d{10}\b/g],
  [
    'date',
    new RegExp(
      String.raw`\b(?:(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])[/-](?:19|20)\d{2}|(?:19|20)\d{2}[-/](?:0[1-9]|1[0-2])[-/](?:0[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}|(?:${MONTHS})\.? (?:0?[1-9]|[12]\d|3[01]),? (?:19|20)\d{2}|(?:0?[1-9]|[12]\d|3[01]) (?:${MONTHS})\.? (?:19|20)\d{2})\b`,
      'gi',
    ),
  ],
  [
    'address',
    /\b\d{1,6}[A-Z]? (?:[A-Z][a-z]{1,20} ){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl)\b\.?/g,
  ],
  ['address', /\b\d{1,6} (?:[a-z]{2,20} ){1,3}(?:street|avenue|road|boulevard|lane|drive|court|place)\b/g],
  ['address', /\bP\.? ?O\.? Box \d{1,6}\b/gi],
  ['zip', /\b(?:[A-Z]{2}|ZIP:?|zip(?: code)?:?) \d{5}(?:-\d{4})?\b/g],
  ['zip', /\b(?:zip(?: code)?|postal code)[: ]{1,3}\d{5}(?:-\d{4})?\b/gi],
  [
    'mrn',
    /\b(?:MRN|MR#|MR|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #))[:#. ]{0,3}[A-Z]?-?\d[\d-]{3,12}\d\b/gi,
  ],
  ['account', /\b(?:account|acct)(?: (?:no|number|id))?[.:# ]{0,3}\d[\d-]{4,18}\d\b/gi],
  // ten bare digits are a phone only after a word that says so (after account/MRN rules)
  ['phone', /\b(?:phone|cell|mobile|tel|text|call|fax|number|whatsapp)[:. ]{1,3}\d{10}\b/gi],
];

/**
 * Words that, right before a match, say it is not about a patient: a version or build
 * for an IPv4-shaped string, an error or reference code for a phone-shaped one.
 */
const vetoBefore: Partial<Record<PhiPatternKind, RegExp>> = {
  ip: /(?:version|release|firmware|build|v)\s*$/i,
  phone: /(?:code|error|ref(?:erence)?|ticket|order|case|invoice|quote)\s*#?\s*$/i,
};
const VETO_WINDOW = 16;

export interface TenantPatterns {
  mrn?: string[];
  account?: string[];
}

export class TenantPatternError extends Error {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Compiles a tenant-supplied pattern after refusing what can backtrack badly:
 * backreferences, lookarounds, and a quantified group that itself holds a quantifier.
 * Not a full RE2 proof, but together with MAX_SCAN_CHARS it keeps matching linear in
 * practice; the tests try the classic (a+)+ shapes.
 */
export function validateTenantPattern(source: string, index = 0): RegExp {
  if (source.length === 0 || source.length > MAX_TENANT_PATTERN_CHARS) {
    throw new TenantPatternError(index, `pattern must be 1..${MAX_TENANT_PATTERN_CHARS} characters`);
  }
  if (/\\[1-9]|\\k<|\(\?<?[=!]/.test(source)) {
    throw new TenantPatternError(index, 'backreferences and lookarounds are not allowed');
  }
  if (/\([^()]*[*+}][^()]*\)\s*[*+{?]/.test(source)) {
    throw new TenantPatternError(index, 'nested quantifiers are not allowed');
  }
  try {
    return new RegExp(source, 'g');
  } catch {
    throw new TenantPatternError(index, 'not a valid regular expression');
  }
}

export class PatternDetector {
  private readonly rules: ReadonlyArray<Rule>;

  constructor(tenant: TenantPatterns = {}) {
    const extra: Rule[] = [];
    (tenant.mrn ?? []).forEach((p, i) => extra.push(['mrn', validateTenantPattern(p, i)]));
    (tenant.account ?? []).forEach((p, i) => extra.push(['account', validateTenantPattern(p, i)]));
    this.rules = [...builtIn, ...extra];
  }

  /** Findings ordered by offset; an overlap keeps the earlier rule (SSN before phone, URL before IP). */
  detect(text: string): PhiFinding[] {
    const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
    const findings: PhiFinding[] = [];
    const taken: Array<[number, number]> = [];
    for (const [kind, rule, mayMatch] of this.rules) {
      if (mayMatch && !mayMatch(scanned)) continue;
      rule.lastIndex = 0;
      for (const m of scanned.matchAll(rule)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0) continue;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        const veto = vetoBefore[kind];
        if (veto && veto.test(scanned.slice(Math.max(0, start - VETO_WINDOW), start))) continue;
        taken.push([start, end]);
        findings.push({ kind, offset: start, length: m[0].length });
      }
    }
    return findings.sort((a, b) => a.offset - b.offset);
  }
}

/** Kind -> count, the only shape findings take in audit events. */
export function countByKind(findings: readonly PhiFinding[]): Partial<Record<PhiPatternKind, number>> {
  const counts: Partial<Record<PhiPatternKind, number>> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/** Replaces each finding by [KIND], for the "redact" action. */
export function redact(text: string, findings: readonly PhiFinding[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.offset - b.offset)) {
    if (f.offset < at) continue;
    out += text.slice(at, f.offset) + `[${f.kind.toUpperCase()}]`;
    at = f.offset + f.length;
  }
  return out + text.slice(at);
}
