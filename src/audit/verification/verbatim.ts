// The full walk's fast path, as the CLI verifies an export: a stored v1 body is the exact
// canonical JSON that was hashed, so its export line (body + prevHash + hash) is checked
// from its bytes (AuditChainVerifier.addExportLine: seq, link, hash, while a signed
// checkpoint lies ahead) without parsing it. What eventForVerification adds on the full
// path, that the query columns say what the body says, is checked here on the same bytes:
// once the hash verifies under a checkpoint, the body is a canonical text (keys sorted,
// strings escaped as JSON.stringify does, every quote inside a string escaped), in which
// each fragment below, a value between two adjacent keys, can only be that member's. A
// row that fails any check is not judged here: the walk re-reads it on the full path,
// which reports what is wrong. So this path can be slower than the full one on odd rows,
// never more lenient.

import type { ExportLineParts } from '../export/export-line.js';

/** A stored event as the fast path reads it (verification.repository.ts chainSlices). */
export interface ChainSlice {
  seq: string;
  body: string;
  /** prev_hash then hash */
  hashes: string;
  /** tenant, id, actor, action, resource type and id, contact ('' for none), outcome, occurred_at as toISOString writes it (UTC, milliseconds), other columns set; joined by U+001F */
  columns: string;
}

const PREV_HASH_MEMBER = ',"prevHash":"';
const HASH_MEMBER = '","hash":"';
const HASH_DIGITS = 64;
const COLUMNS = 10;

/** The export line of a stored row, when its body can be one; undefined otherwise. */
export function exportLineOf(slice: ChainSlice): string | undefined {
  const { body, hashes } = slice;
  if (body.length < 2 || body.charCodeAt(body.length - 1) !== 0x7d || hashes.length !== 2 * HASH_DIGITS)
    return undefined;
  return (
    body.slice(0, -1) + PREV_HASH_MEMBER + hashes.slice(0, HASH_DIGITS) + HASH_MEMBER + hashes.slice(HASH_DIGITS) + '"}'
  );
}

export function hashOf(slice: ChainSlice): string {
  return slice.hashes.slice(HASH_DIGITS);
}

// A column value JSON would escape: such a row takes the full path. Without one, a
// value's JSON is the value between two quotes, so it is matched in place (startsWith)
// rather than built into a fragment and searched for: this check runs once per event,
// and nine JSON.stringify'd fragments each searched through the body cost more than
// the event's SHA-256. U+001F is left out: it is the separator (a value holding it adds a part).
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001e\ud800-\udfff]/;

/**
 * Reads a canonical body from the front, one expected text after another: each `expect`
 * moves past `text` if the body has it exactly here, each `seek` to just after the next
 * occurrence of `key`. In canonical JSON a key with its quotes (`,"id":"`) can only occur
 * where the object has that member (a quote inside a string is always escaped), and the
 * members come in sorted order, so the first occurrence after the previous member is
 * the member itself. Once a step fails, every later one fails.
 */
class BodyCursor {
  #at = 0;
  constructor(readonly body: string) {}

  get ok(): boolean {
    return this.#at !== -1;
  }

  expect(text: string): this {
    if (this.#at !== -1) this.#at = this.body.startsWith(text, this.#at) ? this.#at + text.length : -1;
    return this;
  }

  seek(key: string): this {
    if (this.#at === -1) return this;
    const found = this.body.indexOf(key, this.#at);
    this.#at = found === -1 ? -1 : found + key.length;
    return this;
  }
}

/**
 * Whether the row's query columns are the values its (canonical, v1) body holds: the
 * action first, the actor's id, the event id, occurredAt (the same ISO text), the
 * outcome, then resource id and type, seq, subject contact and tenant in one run.
 */
export function columnsAgree(slice: ChainSlice): boolean {
  return agreeingTenant(slice) !== undefined;
}

/** columnsAgree, saying which tenant the columns and the body agree on. */
function agreeingTenant(slice: ChainSlice): string | undefined {
  const columns = slice.columns;
  if (NEEDS_JSON_ESCAPE.test(columns)) return undefined;
  // a separator inside a value adds a part: such a row takes the full path
  const c = columns.split('\u001f');
  if (c.length !== COLUMNS || c[9] !== '0') return undefined;
  const [tenant, id, actor, action, type, resource, contact, outcome, occurredAt] = c as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const body = new BodyCursor(slice.body);
  body.expect('{"action":"').expect(action).expect('","actor":{"authMethod":"');
  body.seek(',"id":"').expect(actor).expect('","keyId":');
  // toISOString's text is one per millisecond, so equal texts are equal times (no Date.parse)
  body.seek(',"id":"').expect(id).expect('","occurredAt":"').expect(occurredAt);
  body.expect('","outcome":"').expect(outcome).expect('","phiFields":');
  body.seek(',"resource":{"id":"').expect(resource).expect('","type":"').expect(type);
  body.expect('"},"seq":').expect(slice.seq).expect(',"subjectContactId":');
  if (contact === '') body.expect('null');
  else body.expect('"').expect(contact).expect('"');
  return body.expect(',"tenantId":"').expect(tenant).expect('","userAgentFamily":').ok ? tenant : undefined;
}

const SEQ_DIGITS = /^[1-9][0-9]{0,15}$/;

/**
 * What AuditChainVerifier.addExportLine takes from a row's export line (splitExportLine),
 * taken from the row itself when its columns agree with its body: the body is the
 * canonical text (the line less its prevHash/hash tail), and seq and tenantId are the
 * body's own, as columnsAgree has just matched them there. Undefined: the full path.
 */
export function verbatimParts(slice: ChainSlice): ExportLineParts | undefined {
  const { body, hashes, seq } = slice;
  if (body.charCodeAt(body.length - 1) !== 0x7d || hashes.length !== 2 * HASH_DIGITS || !SEQ_DIGITS.test(seq))
    return undefined;
  const tenantId = agreeingTenant(slice);
  if (tenantId === undefined) return undefined;
  return {
    tenantId,
    seq: Number(seq),
    prevHash: hashes.slice(0, HASH_DIGITS),
    hash: hashes.slice(HASH_DIGITS),
    canonical: body,
  };
}
