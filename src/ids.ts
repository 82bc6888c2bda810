// Record ids are UUIDs. GraphQL ids and URL segments are free text until checked: anything
// that is not a UUID names no record, and must never reach SQL as one (PostgreSQL would
// answer a cast error, i.e. a 500). This is the one place that says what a UUID looks like.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `value` is a UUID in any letter case (what a caller may send). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Whether `value` is a UUID as PostgreSQL prints it (lower case): what the server itself
 * writes into cursors and audit event bodies, where another spelling means tampering.
 */
export function isCanonicalUuid(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL_UUID.test(value);
}
