// The export line: the canonical JSON that was hashed, with prevHash and hash added as
// its last two members,
//
//   {"action":...,"userAgentFamily":null,"prevHash":"<64 hex>","hash":"<64 hex>"}
//
// It is ordinary JSON (any NDJSON reader takes it as an AuditEvent), and it carries
// the hashed bytes verbatim, so a verifier can check the line itself rather than
// parse it and serialise it again: cut off the fixed-width tail, hash what is left.
// That is what makes reading an export about as fast as verifying one in memory.

import { canonicalEventJson, isHashHex } from '../chain/event-hash.js';
import type { AuditEvent } from '../capture/event.js';

const PREV_HASH_MEMBER = ',"prevHash":"';
const HASH_MEMBER = '","hash":"';
const LINE_END = '"}';
const HASH_DIGITS = 64;
// ,"prevHash":"<64>","hash":"<64>"}
const TAIL_LENGTH = PREV_HASH_MEMBER.length + HASH_DIGITS + HASH_MEMBER.length + HASH_DIGITS + LINE_END.length;
const SEQ_MEMBER = ',"seq":';
const TENANT_MEMBER = ',"tenantId":';
// The last key of the canonical form, so it bounds the tenantId value.
const LAST_MEMBER = ',"userAgentFamily":';
const SEQ_DIGITS = /^[1-9][0-9]{0,15}$/;

/** One export line for `event`, without the newline. */
export function formatExportLine(event: AuditEvent): string {
  if (!isHashHex(event.prevHash) || !isHashHex(event.hash))
    throw new TypeError('prevHash and hash must be 64 lowercase hex digits');
  return (
    canonicalEventJson(event).slice(0, -1) + PREV_HASH_MEMBER + event.prevHash + HASH_MEMBER + event.hash + LINE_END
  );
}

/** What a verifier needs from an export line, read without parsing it. */
export interface ExportLineParts {
  tenantId: string;
  seq: number;
  prevHash: string;
  hash: string;
  /** the bytes that were hashed, if the line is what it claims to be */
  canonical: string;
}

function tenantIdOf(line: string, seqAt: number, tailAt: number): string | undefined {
  const tenantAt = line.lastIndexOf(TENANT_MEMBER, tailAt);
  const lastAt = line.lastIndexOf(LAST_MEMBER, tailAt);
  if (tenantAt < seqAt || lastAt < tenantAt) return undefined;
  const quoted = line.slice(tenantAt + TENANT_MEMBER.length, lastAt);
  if (quoted.length < 2 || quoted.charCodeAt(0) !== 0x22 || quoted.charCodeAt(quoted.length - 1) !== 0x22)
    return undefined;
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Splits an export line into the fields the chain walk needs and the canonical bytes,
 * or undefined when it does not have the export-line form. Nothing here is trusted:
 * the caller accepts the parts only if `canonical` hashes to `hash` after `prevHash`,
 * and then they are exactly what was hashed, because in canonical JSON the searched
 * member names can only occur as the top-level keys (a quote inside a string value is
 * always escaped).
 */
export function splitExportLine(line: string): ExportLineParts | undefined {
  const tailAt = line.length - TAIL_LENGTH;
  const hashAt = tailAt + PREV_HASH_MEMBER.length + HASH_DIGITS;
  if (
    tailAt < 1 ||
    line.charCodeAt(0) !== 0x7b ||
    !line.startsWith(PREV_HASH_MEMBER, tailAt) ||
    !line.startsWith(HASH_MEMBER, hashAt) ||
    !line.endsWith(LINE_END)
  ) {
    return undefined;
  }
  const seqAt = line.lastIndexOf(SEQ_MEMBER, tailAt);
  if (seqAt === -1) return undefined;
  const seqEnd = line.indexOf(',', seqAt + SEQ_MEMBER.length);
  const seqText = line.slice(seqAt + SEQ_MEMBER.length, seqEnd);
  if (seqEnd === -1 || !SEQ_DIGITS.test(seqText)) return undefined;
  const seq = Number(seqText);
  const tenantId = tenantIdOf(line, seqAt, tailAt);
  if (!Number.isSafeInteger(seq) || tenantId === undefined) return undefined;
  return {
    tenantId,
    seq,
    prevHash: line.slice(tailAt + PREV_HASH_MEMBER.length, hashAt),
    hash: line.slice(hashAt + HASH_MEMBER.length, line.length - LINE_END.length),
    canonical: line.slice(0, tailAt) + '}',
  };
}
