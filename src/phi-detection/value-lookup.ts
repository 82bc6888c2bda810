// Value-based detection, second half: which candidates (value-candidates.ts) are another
// patient's identifier. Each candidate's blind index is computed with the tenant's key and
// all of them are looked up in ONE query over the contacts' partial indexes
// (tenant_id, email_bidx | phone_bidx | mrn_bidx). A candidate is a wrong-patient finding
// when it matches a live contact and none of the contacts it matches is allowed (the
// ticket's patient, the reply's recipients): a value the patient shares with someone
// else (a family phone) is the patient's own and is not flagged.
//
// The three steps are apart so that the query can ride on a statement the caller sends
// anyway (a public reply reads its outbound settings in one select: the lookup is a
// column of it, so detection adds no round trip): hashValueCandidates, then
// contactsMatching (an expression to select alone or in the caller's statement), then
// otherPatientFindings.
//
// A blind index is 16 bytes of BLAKE2b: a collision between two different values is
// ~2^-64 for a tenant with billions of values, so hits are not re-opened to compare
// plaintext (that would decrypt other patients' PHI to check a reply).
import { sql, type Kysely } from 'kysely';
import type { BlindIndex } from '../crypto/sealed.js';
import type { Database } from '../db/database.js';
import { searchIndexes } from '../contacts/contacts.model.js';
import { valueCandidates, type CandidateIndex, type ValueCandidate } from './value-candidates.js';

/** A wrong-patient finding: the identifier kind and where it is, never the value or whose it is. */
export interface OtherPatientFinding {
  kind: CandidateIndex;
  offset: number;
  length: number;
}

/** What hashes values for one blind-index column: TenantCrypto.blindIndexer (key looked up once). */
export type BlindIndexer = (
  table: string,
  column: string,
  kind: 'digits' | 'email' | 'identifier',
) => Promise<(value: string) => BlindIndex>;

/** The candidates with their blind indexes (hex), and each column's distinct indexes to look up. */
export interface HashedCandidates {
  hashed: Array<{ c: ValueCandidate; hex: string }>;
  values: Record<CandidateIndex, Buffer[]>;
}

/** A contact one of the indexes matched: its id and its three indexes as hex (null when unset). */
export interface MatchedContact {
  id: string;
  email: string | null;
  phone: string | null;
  mrn: string | null;
}

export const noCandidates = (h: HashedCandidates): boolean =>
  h.values.email.length + h.values.phone.length + h.values.mrn.length === 0;

export async function hashValueCandidates(
  index: BlindIndexer,
  candidates: readonly ValueCandidate[],
): Promise<HashedCandidates> {
  // No cap on candidates (a cap would let padding hide the real identifier); the text is
  // bounded by MAX_SCAN_CHARS, and each column's values travel as one array parameter.
  const usable = candidates.filter((c) => c.normalised.length > 0);
  const values: Record<CandidateIndex, Buffer[]> = { email: [], phone: [], mrn: [] };
  if (usable.length === 0) return { hashed: [], values };
  // one key lookup per column (all at once: one await, not one per column), then each
  // distinct value hashed once, however often the text repeats it
  const kinds = [...new Set(usable.map((c) => c.index))];
  const keyed = await Promise.all(
    kinds.map((which) => index('contacts', searchIndexes[which].indexName, searchIndexes[which].kind)),
  );
  const hashers = new Map(kinds.map((which, i) => [which, keyed[i]!] as const));
  const distinct = new Map<string, string>();
  const hashed = usable.map((c) => {
    const key = `${c.index}:${c.normalised}`;
    let hex = distinct.get(key);
    if (hex === undefined) {
      const bidx = hashers.get(c.index)!(c.normalised);
      hex = bidx.toString('hex');
      distinct.set(key, hex);
      values[c.index].push(bidx);
    }
    return { c, hex };
  });
  return { hashed, values };
}

/**
 * The live contacts of the tenant whose email, phone or MRN index is one of `values`, as
 * a SQL expression the caller selects alone or inside a statement it sends anyway: the
 * function phi_value_matches (migration 0033), whose query is planned once per connection.
 * Indexes come back hex-encoded by the server: cheaper than parsing bytea into Buffers and
 * encoding them again here.
 */
export function contactsMatching(tenantId: string, values: HashedCandidates['values']) {
  return sql<
    MatchedContact[]
  >`phi_value_matches(${tenantId}::uuid, ${values.email}::bytea[], ${values.phone}::bytea[], ${values.mrn}::bytea[])`;
}

/** The findings: candidates a matched contact owns, none of the owners allowed. */
export function otherPatientFindings(
  { hashed }: HashedCandidates,
  rows: readonly MatchedContact[],
  allowedContactIds: readonly string[],
): OtherPatientFinding[] {
  if (rows.length === 0) return [];
  const allowed = new Set(allowedContactIds);
  // index hex -> [owned by an allowed contact, owned by another]
  const owners = new Map<string, { allowed: boolean; other: boolean }>();
  const note = (which: CandidateIndex, hex: string | null, id: string) => {
    if (!hex) return;
    const key = `${which}:${hex}`;
    const o = owners.get(key) ?? { allowed: false, other: false };
    if (allowed.has(id)) o.allowed = true;
    else o.other = true;
    owners.set(key, o);
  };
  for (const r of rows) {
    note('email', r.email, r.id);
    note('phone', r.phone, r.id);
    note('mrn', r.mrn, r.id);
  }
  // Hits whose spans overlap (one phone looked up with and without +1, a token found by
  // two spellings) are one finding, which the patient's own value anywhere in it cancels.
  const hits = hashed
    .map(({ c, hex }) => ({ c, o: owners.get(`${c.index}:${hex}`) }))
    .filter((h) => h.o !== undefined)
    .sort((a, b) => a.c.index.localeCompare(b.c.index) || a.c.offset - b.c.offset);
  const findings: OtherPatientFinding[] = [];
  let open: { kind: CandidateIndex; offset: number; end: number; own: boolean; other: boolean } | undefined;
  const close = () => {
    if (open && open.other && !open.own)
      findings.push({ kind: open.kind, offset: open.offset, length: open.end - open.offset });
  };
  for (const { c, o } of hits) {
    const end = c.offset + c.length;
    if (open && open.kind === c.index && c.offset < open.end) {
      open.end = Math.max(open.end, end);
    } else {
      close();
      open = { kind: c.index, offset: c.offset, end, own: false, other: false };
    }
    if (o!.allowed) open.own = true;
    if (o!.other) open.other = true;
  }
  close();
  return findings.sort((a, b) => a.offset - b.offset);
}

/** A value lookup done ahead: the text hashed, its candidates, and the contacts they matched. */
export interface PrefetchedValueLookup {
  text: string;
  hashed: HashedCandidates;
  rows: readonly MatchedContact[];
}

/**
 * The lookups of many texts (a webhook payload's values, an export's items) in ONE query:
 * each text's candidates hashed apart, every index looked up at once; each text's findings
 * then come from the rows its own candidates match (otherPatientFindings).
 */
export async function prefetchValueLookups(
  db: Kysely<Database>,
  tenantId: string,
  index: BlindIndexer,
  texts: readonly string[],
): Promise<PrefetchedValueLookup[]> {
  const hashed = await Promise.all(texts.map((text) => hashValueCandidates(index, valueCandidates(text))));
  const all: HashedCandidates['values'] = {
    email: hashed.flatMap((h) => h.values.email),
    phone: hashed.flatMap((h) => h.values.phone),
    mrn: hashed.flatMap((h) => h.values.mrn),
  };
  const rows = noCandidates({ hashed: [], values: all })
    ? []
    : ((await sql<{ matches: MatchedContact[] }>`select ${contactsMatching(tenantId, all)} as matches`.execute(db))
        .rows[0]?.matches ?? []);
  return texts.map((text, i) => ({ text, hashed: hashed[i]!, rows }));
}

/** All three steps with a query of its own (a text alone: the public reply's fallback, tests, the bench). */
export async function findOtherPatients(
  db: Kysely<Database>,
  tenantId: string,
  index: BlindIndexer,
  candidates: readonly ValueCandidate[],
  allowedContactIds: readonly string[],
): Promise<OtherPatientFinding[]> {
  const hashed = await hashValueCandidates(index, candidates);
  if (noCandidates(hashed)) return [];
  const { rows } = await sql<{
    matches: MatchedContact[];
  }>`select ${contactsMatching(tenantId, hashed.values)} as matches`.execute(db);
  return otherPatientFindings(hashed, rows[0]?.matches ?? [], allowedContactIds);
}
