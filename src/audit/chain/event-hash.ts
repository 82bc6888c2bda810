// Canonical form and chain hash of an audit event. This is a storage format: every
// chained row ever written depends on it, so a change here needs a new version tag
// (and a verifier that still knows the old one), never an edit in place. The golden
// vector in tests/audit/event-hash.test.ts pins it.
//
// Canonical form: JSON of every field except prevHash and hash, keys in ascending
// UTF-16 code unit order at every level, no whitespace, absent optional fields
// written as explicit null (so "absent" and "null" cannot hash differently and an
// exporter may emit either), phiFields in stored order, strings escaped exactly as
// JSON.stringify does (ECMAScript-specified, so stable across engines), seq as a
// decimal integer. Strings are not Unicode-normalised: the hash is over what is stored.
//
// Form v2 (events naming several records, see AuditEventBody.entities) is v1 plus two
// members in their sorted places: "entities" (groups with keys action, contactIds, ids,
// phiFields, type; lists in stored order) and "part" ({"count","index"} or null). v1
// events never have them, so every event written before v2 hashes as it always did.
// The form of a canonical text shows in the text itself: ',"entities":' can only be the
// top-level member (inside a string value a quote is escaped), so a verifier holding
// the bytes picks the tag without parsing.
//
// Hash input, UTF-8:  "phidesk.audit.event.v1\n" (v2: "...v2\n") || prevHash (64 lowercase hex) || "\n" || canonical
// hash = lowercase hex SHA-256 of that. The fixed-width prevHash keeps the boundary
// unambiguous; the text tag keeps event hashes apart from Merkle hashes, whose inputs
// begin with byte 0x00 or 0x01, and from signed checkpoints, which use their own tag.

import { hash as sha256 } from 'node:crypto';
import type { AuditEntityGroup, AuditEvent, AuditEventBody, AuditEventPart } from '../capture/event.js';

export const EVENT_HASH_TAG = 'phidesk.audit.event.v1\n';
export const EVENT_HASH_TAG_V2 = 'phidesk.audit.event.v2\n';
const ENTITIES_MEMBER = ',"entities":';

const HASH_HEX = /^[0-9a-f]{64}$/;

// JSON.stringify is the escaping rule of the format. Calling it for each of some
// twenty strings costs more than the SHA-256, so strings that need no escaping (all
// but a rare free-text reason) are quoted directly; the result is identical.
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function q(value: string): string {
  return NEEDS_JSON_ESCAPE.test(value) ? JSON.stringify(value) : '"' + value + '"';
}

function optional(value: string | null | undefined): string {
  return value === undefined || value === null ? 'null' : q(value);
}

function phiFieldsJson(fields: readonly string[]): string {
  if (fields.length === 0) return '[]';
  let out = '[' + q(fields[0] as string);
  for (let i = 1; i < fields.length; i++) out += ',' + q(fields[i] as string);
  return out + ']';
}

function idListJson(ids: ReadonlyArray<string | null>): string {
  let out = '[';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    out += (i === 0 ? '' : ',') + (id === null || id === undefined ? 'null' : q(id));
  }
  return out + ']';
}

function entitiesJson(groups: readonly AuditEntityGroup[]): string {
  let out = '[';
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    out +=
      (i === 0 ? '' : ',') +
      '{"action":' +
      q(g.action) +
      ',"contactIds":' +
      idListJson(g.contactIds) +
      ',"ids":' +
      idListJson(g.ids) +
      ',"phiFields":' +
      phiFieldsJson(g.phiFields) +
      ',"type":' +
      q(g.type) +
      '}';
  }
  return out + ']';
}

function partJson(part: AuditEventPart | null | undefined): string {
  return part ? '{"count":' + String(part.count) + ',"index":' + String(part.index) + '}' : 'null';
}

/** The canonical JSON of an event: every field except prevHash and hash. */
export function canonicalEventJson(event: AuditEventBody): string {
  return canonicalEventJsonAt(event, event.seq);
}

/**
 * canonicalEventJson of `event` placed at `seq` (its own seq, if any, is ignored): the
 * sequencer's form, which saves copying each captured body just to give it a seq.
 */
export function canonicalEventJsonAt(event: Omit<AuditEventBody, 'seq'>, seq: number): string {
  const actor = event.actor;
  const resource = event.resource;
  const entities = event.entities;
  const v2 = entities !== undefined && entities !== null;
  // Keys written in sorted order by hand: a generic sort-and-stringify is several
  // times slower, and the verifier's budget is a few microseconds per event.
  return (
    '{"action":' +
    q(event.action) +
    ',"actor":{"authMethod":' +
    q(actor.authMethod) +
    ',"id":' +
    q(actor.id) +
    ',"keyId":' +
    optional(actor.keyId) +
    ',"kind":' +
    q(actor.kind) +
    ',"sessionId":' +
    optional(actor.sessionId) +
    '},"breakGlassReason":' +
    optional(event.breakGlassReason) +
    ',"clientAddrHash":' +
    optional(event.clientAddrHash) +
    (v2 ? ENTITIES_MEMBER + entitiesJson(entities) : '') +
    ',"id":' +
    q(event.id) +
    ',"occurredAt":' +
    q(event.occurredAt) +
    ',"outcome":' +
    q(event.outcome) +
    (v2 ? ',"part":' + partJson(event.part) : '') +
    ',"phiFields":' +
    phiFieldsJson(event.phiFields) +
    ',"purposeOfUse":' +
    optional(event.purposeOfUse) +
    ',"reasonCode":' +
    optional(event.reasonCode) +
    ',"requestId":' +
    optional(event.requestId) +
    ',"resource":{"id":' +
    q(resource.id) +
    ',"type":' +
    q(resource.type) +
    '},"seq":' +
    String(seq) +
    ',"subjectContactId":' +
    optional(event.subjectContactId) +
    ',"tenantId":' +
    q(event.tenantId) +
    ',"userAgentFamily":' +
    optional(event.userAgentFamily) +
    '}'
  );
}

export function isHashHex(value: string): boolean {
  return HASH_HEX.test(value);
}

/**
 * The chain hash of `event` placed after `prevHash` (GENESIS_HASH for seq 1).
 * Any prevHash/hash already on `event` are ignored: `prevHash` is the argument.
 */
export function computeEventHash(prevHash: string, event: AuditEventBody): string {
  if (prevHash.length !== 64 || !HASH_HEX.test(prevHash)) {
    throw new TypeError('prevHash must be 64 lowercase hex digits');
  }
  return eventHashAfterTrustedPrev(prevHash, event);
}

/**
 * computeEventHash without the prevHash format check, for the verifier, which only
 * ever passes a hash it has already compared with a well-formed one.
 */
export function eventHashAfterTrustedPrev(prevHash: string, event: AuditEventBody): string {
  return hashCanonicalEvent(prevHash, canonicalEventJson(event));
}

/**
 * The chain hash of canonical JSON as given, for a verifier holding the exact bytes
 * that were hashed (an export line): no parse, no re-serialisation. prevHash is not
 * checked; a wrong one simply gives a hash that does not match.
 */
export function hashCanonicalEvent(prevHash: string, canonicalJson: string): string {
  const tag = canonicalJson.includes(ENTITIES_MEMBER) ? EVENT_HASH_TAG_V2 : EVENT_HASH_TAG;
  return sha256('sha256', tag + prevHash + '\n' + canonicalJson, 'hex');
}

/** Places a captured event after `prevHash`: the sequencer's one call per event. */
export function chainEvent(prevHash: string, body: AuditEventBody): AuditEvent {
  return { ...body, prevHash, hash: computeEventHash(prevHash, body) };
}

/** Chains bodies in order after `prevHash`; seq numbers must already be assigned. */
export function chainEvents(prevHash: string, bodies: Iterable<AuditEventBody>): AuditEvent[] {
  const chained: AuditEvent[] = [];
  let previous = prevHash;
  for (const body of bodies) {
    const event = chainEvent(previous, body);
    chained.push(event);
    previous = event.hash;
  }
  return chained;
}
