// Strict shape checks for audit events arriving from outside the type system: an
// export being verified, or a captured event about to be hashed. Strict because the
// hash covers only known fields: an unknown field would ride along unprotected, and a
// number where a string belongs ("seq": "7") could be read two ways. Problems name
// the field, never its content.

import { isCanonicalUuid } from '../../ids.js';
import { actorKinds, auditOutcomes, authMethods, type AuditEvent, type AuditEventBody } from './event.js';

export class AuditEventFormatError extends Error {
  override readonly name = 'AuditEventFormatError';
  constructor(
    readonly problem: string,
    /** 1-based line of an NDJSON export, when the event came from one */
    readonly line?: number,
  ) {
    super(
      line === undefined ? `malformed audit event: ${problem}` : `malformed audit event at line ${line}: ${problem}`,
    );
  }
}

const HASH_HEX = /^[0-9a-f]{64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

const bodyKeys = new Set([
  'tenantId',
  'seq',
  'id',
  'occurredAt',
  'actor',
  'action',
  'resource',
  'phiFields',
  'subjectContactId',
  'requestId',
  'clientAddrHash',
  'userAgentFamily',
  'purposeOfUse',
  'breakGlassReason',
  'outcome',
  'reasonCode',
  'entities',
  'part',
]);
const chainedKeys = new Set([...bodyKeys, 'prevHash', 'hash']);
const actorKeys = new Set(['id', 'kind', 'authMethod', 'sessionId', 'keyId']);
const optionalActorFields = ['sessionId', 'keyId'] as const;
const resourceKeys = new Set(['type', 'id']);
const optionalTextFields = [
  'subjectContactId',
  'requestId',
  'clientAddrHash',
  'userAgentFamily',
  'purposeOfUse',
  'breakGlassReason',
  'reasonCode',
] as const;
const optionalBodyFields = [...optionalTextFields, 'entities', 'part'] as const;
const entityGroupKeys = new Set(['action', 'type', 'phiFields', 'ids', 'contactIds']);
const partKeys = new Set(['index', 'count']);
/** Bounds one event's size; a larger operation is split into parts (see operation-events.ts). */
export const MAX_ENTITIES_PER_EVENT = 1000;

type Loose = Record<string, unknown>;

function isPlainObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

// Counting keys is several times cheaper than checking each against a set, and the
// verifier runs this once per exported event; the set is consulted only on a mismatch
// (an unknown key, or a key explicitly holding undefined, which is allowed).
function unknownKey(value: Loose, allowed: ReadonlySet<string>, optional: readonly string[]): string | undefined {
  let expected = allowed.size - optional.length;
  for (const field of optional) {
    if (value[field] !== undefined) expected++;
  }
  if (Object.keys(value).length === expected) return undefined;
  for (const key in value) {
    if (!allowed.has(key)) return key;
  }
  return undefined;
}

function actorProblem(actor: unknown): string | null {
  if (!isPlainObject(actor)) return 'actor must be an object';
  const extra = unknownKey(actor, actorKeys, optionalActorFields);
  if (extra !== undefined) return `actor has an unknown field "${extra}"`;
  if (!isNonEmptyString(actor.id)) return 'actor.id must be a non-empty string';
  if (!(actorKinds as readonly unknown[]).includes(actor.kind)) return 'actor.kind is not a known kind';
  if (!(authMethods as readonly unknown[]).includes(actor.authMethod)) return 'actor.authMethod is not a known method';
  if (!isOptionalString(actor.sessionId)) return 'actor.sessionId must be a string or null';
  if (!isOptionalString(actor.keyId)) return 'actor.keyId must be a string or null';
  return null;
}

function resourceProblem(resource: unknown): string | null {
  if (!isPlainObject(resource)) return 'resource must be an object';
  const extra = unknownKey(resource, resourceKeys, []);
  if (extra !== undefined) return `resource has an unknown field "${extra}"`;
  if (!isNonEmptyString(resource.type)) return 'resource.type must be a non-empty string';
  // Empty for events about no particular record (a failed sign-in, a list query).
  if (typeof resource.id !== 'string') return 'resource.id must be a string';
  return null;
}

function phiFieldsProblem(phiFields: unknown): string | null {
  if (!Array.isArray(phiFields)) return 'phiFields must be an array';
  for (const name of phiFields) {
    if (!isNonEmptyString(name)) return 'phiFields must hold non-empty strings';
  }
  return null;
}

function entityGroupProblem(group: unknown): string | null {
  if (!isPlainObject(group)) return 'entities must hold objects';
  const extra = unknownKey(group, entityGroupKeys, []);
  if (extra !== undefined) return `an entity group has an unknown field "${extra}"`;
  if (!isNonEmptyString(group.action) || !isNonEmptyString(group.type))
    return 'entity group action and type must be non-empty strings';
  const fields = phiFieldsProblem(group.phiFields);
  if (fields !== null) return `entity group ${fields}`;
  const { ids, contactIds } = group;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isCanonicalUuid))
    return 'entity group ids must be a non-empty list of lowercase uuids';
  if (!Array.isArray(contactIds) || contactIds.length !== ids.length)
    return 'entity group contactIds must be as long as its ids';
  if (!contactIds.every((id) => id === null || isCanonicalUuid(id)))
    return 'entity group contactIds must hold lowercase uuids or null';
  return null;
}

function entitiesProblem(value: Loose): string | null {
  const { entities, part } = value;
  if (entities === undefined || entities === null) {
    return part === undefined || part === null ? null : 'part needs entities';
  }
  if (!Array.isArray(entities) || entities.length === 0) return 'entities must be a non-empty array';
  let total = 0;
  for (const group of entities) {
    const problem = entityGroupProblem(group);
    if (problem !== null) return problem;
    total += (group as { ids: unknown[] }).ids.length;
  }
  if (total > MAX_ENTITIES_PER_EVENT) return `entities must name at most ${MAX_ENTITIES_PER_EVENT} records`;
  if (part === undefined || part === null) return null;
  if (!isPlainObject(part) || unknownKey(part, partKeys, []) !== undefined) return 'part must be {index, count}';
  const { index, count } = part;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || (index as number) < 1)
    return 'part index and count must be integers from 1';
  if ((index as number) > (count as number)) return 'part index must not exceed its count';
  return null;
}

/**
 * What is wrong with `value` as an audit event, or null when nothing is.
 * `chained` also requires prevHash and hash (an exported event); without it the
 * value is checked as a body about to be hashed, and prevHash/hash are refused.
 */
export function findAuditEventProblem(value: unknown, chained: boolean): string | null {
  if (!isPlainObject(value)) return 'event must be a JSON object';
  if (!isNonEmptyString(value.tenantId)) return 'tenantId must be a non-empty string';
  const seq = value.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    return 'seq must be an integer from 1 to 2^53 - 1';
  }
  if (!isCanonicalUuid(value.id)) return 'id must be a lowercase uuid';
  if (typeof value.occurredAt !== 'string' || !ISO_INSTANT.test(value.occurredAt)) {
    return 'occurredAt must be an ISO 8601 timestamp with a zone';
  }
  const problem =
    actorProblem(value.actor) ??
    resourceProblem(value.resource) ??
    phiFieldsProblem(value.phiFields) ??
    entitiesProblem(value);
  if (problem !== null) return problem;
  if (!isNonEmptyString(value.action)) return 'action must be a non-empty string';
  if (!(auditOutcomes as readonly unknown[]).includes(value.outcome)) return 'outcome is not a known outcome';
  for (const field of optionalTextFields) {
    if (!isOptionalString(value[field])) return `${field} must be a string or null`;
  }
  const extra = unknownKey(value, chained ? chainedKeys : bodyKeys, optionalBodyFields);
  if (extra !== undefined) return `unknown field "${extra}"`;
  if (chained) {
    if (typeof value.prevHash !== 'string' || !HASH_HEX.test(value.prevHash))
      return 'prevHash must be 64 lowercase hex digits';
    if (typeof value.hash !== 'string' || !HASH_HEX.test(value.hash)) return 'hash must be 64 lowercase hex digits';
  }
  return null;
}

/** Checks an exported (chained) event; throws AuditEventFormatError naming the field. */
export function parseAuditEvent(value: unknown, line?: number): AuditEvent {
  const problem = findAuditEventProblem(value, true);
  if (problem !== null) throw new AuditEventFormatError(problem, line);
  return value as AuditEvent;
}

/** Checks a captured event before it is hashed: the sequencer's guard against hashing what it cannot store. */
export function assertAuditEventBody(value: unknown): asserts value is AuditEventBody {
  const problem = findAuditEventProblem(value, false);
  if (problem !== null) throw new AuditEventFormatError(problem);
}
