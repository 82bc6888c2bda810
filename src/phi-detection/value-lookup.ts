// Value-based detection, second half: which candidates (value-candidates.ts) are another
// patient's identifier. Each candidate's blind index is computed with the tenant's key and
// all of them are looked up in ONE query over the contacts' partial indexes
// (tenant_id, email_bidx | phone_bidx | mrn_bidx). A candidate is a wrong-patient finding
// when it matches a live contact and none of the contacts it matches is allowed (the
// ticket's patient, the reply's recipients): a value the patient shares with someone
// else (a family phone) is the patient's own and is not flagged.
//
// A blind index is 16 bytes of BLAKE2b: a collision between two different values is
// ~2^-64 for a tenant with billions of values, so hits are not re-opened to compare
// plaintext (that would decrypt other patients' PHI to check a reply).
import { sql, type Kysely } from 'kysely';
import type { BlindIndex } from '../crypto/sealed.js';
import type { Database } from '../db/database.js';
import { searchIndexes } from '../contacts/contacts.model.js';
import type { CandidateIndex, ValueCandidate } from './value-candidates.js';

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

export async function findOtherPatients(
  db: Kysely<Database>,
  tenantId: string,
  index: BlindIndexer,
  candidates: readonly ValueCandidate[],
  allowedContactIds: readonly string[],
): Promise<OtherPatientFinding[]> {
  // No cap on candidates (a cap would let padding hide the real identifier); the text is
  // bounded by MAX_SCAN_CHARS, and each column's values travel as one array parameter.
  const usable = candidates.filter((c) => c.normalised.length > 0);
  if (usable.length === 0) return [];
  // one key lookup per column (all at once: one await, not one per column), then each
  // distinct value hashed once, however often the text repeats it
  const kinds = [...new Set(usable.map((c) => c.index))];
  const keyed = await Promise.all(
    kinds.map((which) => index('contacts', searchIndexes[which].indexName, searchIndexes[which].kind)),
  );
  const hashers = new Map(kinds.map((which, i) => [which, keyed[i]!] as const));
  const distinct = new Map<string, string>();
  const values: Record<CandidateIndex, Buffer[]> = { email: [], phone: [], mrn: [] };
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
  const anyOf = (column: 'email_bidx' | 'phone_bidx' | 'mrn_bidx', values: Buffer[]) =>
    sql<boolean>`${sql.ref(column)} = any(${values}::bytea[])`;
  const { email: emails, phone: phones, mrn: mrns } = values;
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'email_bidx', 'phone_bidx', 'mrn_bidx'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(emails.length ? [anyOf('email_bidx', emails)] : []),
        ...(phones.length ? [anyOf('phone_bidx', phones)] : []),
        ...(mrns.length ? [anyOf('mrn_bidx', mrns)] : []),
      ]),
    )
    .execute();
  if (rows.length === 0) return [];
  const allowed = new Set(allowedContactIds);
  // index hex -> [owned by an allowed contact, owned by another]
  const owners = new Map<string, { allowed: boolean; other: boolean }>();
  const note = (which: CandidateIndex, bidx: Buffer | null, id: string) => {
    if (!bidx) return;
    const key = `${which}:${bidx.toString('hex')}`;
    const o = owners.get(key) ?? { allowed: false, other: false };
    if (allowed.has(id)) o.allowed = true;
    else o.other = true;
    owners.set(key, o);
  };
  for (const r of rows) {
    note('email', r.email_bidx, r.id);
    note('phone', r.phone_bidx, r.id);
    note('mrn', r.mrn_bidx, r.id);
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
