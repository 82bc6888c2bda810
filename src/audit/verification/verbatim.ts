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

/** A stored event as the fast path reads it (verification.repository.ts chainSlices). */
export interface ChainSlice {
  seq: string;
  body: string;
  /** prev_hash then hash */
  hashes: string;
  /** tenant, id, actor, action, resource type and id, contact ('' for none), outcome, epoch ms, other columns set; joined by U+001F */
  columns: string;
}

const PREV_HASH_MEMBER = ',"prevHash":"';
const HASH_MEMBER = '","hash":"';
const HASH_DIGITS = 64;
const COLUMNS = 10;
const json = JSON.stringify;

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

function occurredAtAgrees(body: string, ms: string): boolean {
  const key = ',"occurredAt":"';
  const at = body.indexOf(key);
  if (at === -1) return false;
  const end = body.indexOf('"', at + key.length);
  return end !== -1 && String(Date.parse(body.slice(at + key.length, end))) === ms;
}

/** Whether the row's query columns are the values its (canonical) body holds. */
export function columnsAgree(slice: ChainSlice): boolean {
  const b = slice.body;
  // a separator inside a value adds a part: such a row takes the full path
  const c = slice.columns.split('\u001f');
  if (c.length !== COLUMNS || c[9] !== '0') return false;
  const [tenant, id, actor, action, type, resource, contact, outcome, ms] = c as [
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
  return (
    b.startsWith('{"action":' + json(action) + ',"actor":{') &&
    b.includes(',"id":' + json(actor) + ',"keyId":') &&
    b.includes(',"id":' + json(id) + ',"occurredAt":') &&
    b.includes(',"outcome":' + json(outcome) + ',"p') &&
    b.includes(
      ',"resource":{"id":' +
        json(resource) +
        ',"type":' +
        json(type) +
        '},"seq":' +
        slice.seq +
        ',"subjectContactId":' +
        (contact === '' ? 'null' : json(contact)) +
        ',"tenantId":' +
        json(tenant) +
        ',"userAgentFamily":',
    ) &&
    occurredAtAgrees(b, ms)
  );
}
