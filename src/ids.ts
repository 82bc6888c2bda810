// Record ids are UUIDs. GraphQL ids and URL segments are free text until checked: anything
// that is not a UUID names no record, and must never reach SQL as one (PostgreSQL would
// answer a cast error, i.e. a 500).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID in any letter case. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
