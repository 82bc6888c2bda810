// Cursor pagination with a stable order (created_at, id). A cursor names the last row
// of the previous page (its id, opaque to callers, never PHI); the next page starts
// strictly after that row's exact (created_at, id), read back from the database so that
// timestamp precision never repeats or skips rows (the SQL: src/db/keyset-pagination.ts).
//
// Lists that can be sorted several ways (paginateSorted) use v2 cursors instead: they
// carry the sort's name, the last row's sort-key values (non-PHI by construction: times,
// ranks) and its id. The values are the database's own, timestamps to the microsecond, so
// a page starts exactly after the last row seen even if that row changed meanwhile (an
// updatedAt sort would otherwise jump); a cursor of one sort is refused by another.
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { keysetPage } from '../db/keyset-pagination.js';
import { AppError } from '../errors.js';
import { isCanonicalUuid } from '../ids.js';

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(id: string): string {
  return Buffer.from(`v1:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith('v1:') ? text.slice(3) : '';
  if (!isCanonicalUuid(id)) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
      { parameter: 'cursor', detail: 'is not a cursor returned by this API' },
    ]);
  }
  return id;
}

export function pageSize(req: PageRequest): number {
  const limit = req.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError('VALIDATION_FAILED', `limit must be between 1 and ${MAX_PAGE_SIZE}.`, [
      { parameter: 'limit', detail: `must be 1..${MAX_PAGE_SIZE}` },
    ]);
  }
  return limit;
}

/** Keyset pagination on (created_at, id) of `table`; fetches one extra row to know whether more exist. */
export async function paginate<O extends { id: string }>(
  query: SelectQueryBuilder<any, any, O>,
  table: string,
  req: PageRequest,
): Promise<Page<O>> {
  const limit = pageSize(req);
  const after = req.cursor ? decodeCursor(req.cursor) : undefined;
  const { rows: items, more } = await keysetPage(query, table, limit, after);
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.id) : null };
}

/** One key of a sort order: an expression of the row (non-PHI), and the SQL type of its value. */
export interface SortKey {
  expr: RawBuilder<unknown>;
  type: 'timestamptz' | 'integer';
}

/** A total order for keyset pagination: `keys`, then the table's id, all in one direction. */
export interface SortOrder {
  /** the name callers use (e.g. '-updatedAt'); every cursor is bound to it */
  name: string;
  direction: 'asc' | 'desc';
  keys: readonly SortKey[];
  /** (created_at, id) ascending: the order of paginate(), so its v1 cursors are accepted too */
  acceptsV1Cursor?: boolean;
}

/**
 * The sort a list was asked for: `fallback` when none, else one of `allowed` (REST passes
 * the query value through, GraphQL maps its enum); anything else is refused, listing them.
 */
export function checkSort<S extends string>(value: unknown, allowed: readonly S[], fallback: S): S {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as S;
  throw new AppError('VALIDATION_FAILED', `sort must be one of ${allowed.join(', ')}.`, [
    { parameter: 'sort', detail: 'must be one of the allowed values', allowed },
  ]);
}

interface Position {
  /** the last row's key values, as the database printed them */
  values: string[];
  id: string;
}

/** A calendar instant as the database prints it (`printed` below): to the microsecond, in UTC. */
function isInstant(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
  // what JavaScript reads back to the millisecond unchanged is a real date (no 30 February)
  const ms = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(ms.getTime()) && ms.toISOString().slice(0, 23) === value.slice(0, 23);
}

const keyValue: Record<SortKey['type'], (value: string) => boolean> = {
  timestamptz: isInstant,
  integer: (value) => /^-?\d{1,9}$/.test(value),
};

const invalidCursor = (message: string) =>
  new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [{ parameter: 'cursor', detail: message }]);

function otherSort(sort: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `The cursor belongs to sort=${sort}; page on with that sort, or start again without a cursor.`,
    [{ parameter: 'cursor', detail: `was returned for sort=${sort}, not for this sort` }],
  );
}

function encodeSortedCursor(sort: string, position: Position): string {
  return Buffer.from(`v2:${JSON.stringify({ s: sort, k: position.values, id: position.id })}`).toString('base64url');
}

/** The position a cursor names under `order`, or the row id of a v1 cursor (its keys are read back from the table). */
function decodeSortedCursor(cursor: string, order: SortOrder, v1Sort: string): Position | { v1Id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith('v1:')) {
    if (!order.acceptsV1Cursor) throw otherSort(v1Sort);
    return { v1Id: decodeCursor(cursor) };
  }
  let parsed: unknown;
  try {
    parsed = text.startsWith('v2:') ? JSON.parse(text.slice(3)) : undefined;
  } catch {
    parsed = undefined;
  }
  const { s, k, id } = (parsed ?? {}) as { s?: unknown; k?: unknown; id?: unknown };
  if (typeof s !== 'string' || !Array.isArray(k) || typeof id !== 'string' || !isCanonicalUuid(id))
    throw invalidCursor('is not a cursor returned by this API');
  // the refusal names the cursor's sort: only ever a sort name, never other text a caller put there
  if (s !== order.name)
    throw /^-?[A-Za-z]{1,30}$/.test(s) ? otherSort(s) : invalidCursor('is not a cursor returned by this API');
  const values = k.filter((v): v is string => typeof v === 'string');
  if (values.length !== order.keys.length || order.keys.some((key, i) => !keyValue[key.type](values[i]!)))
    throw invalidCursor('is not a cursor returned by this API');
  return { values, id };
}

/** A key's value as text that casts back to exactly the same value (timestamps in UTC, to the microsecond). */
const printed = (key: SortKey) =>
  key.type === 'timestamptz'
    ? sql<string>`to_char(${key.expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string>`(${key.expr})::text`;

const castBack = (key: SortKey, value: string) =>
  key.type === 'timestamptz' ? sql`${value}::timestamptz` : sql`${value}::integer`;

/**
 * Keyset pagination of `query` (rows of `table`) in `order`: its keys, then id as the
 * tie-breaker, so the order is total and a page never repeats or skips a row. `v1Sort` names
 * the order of v1 cursors, for the message refusing them elsewhere.
 */
export async function paginateSorted<O extends { id: string }>(
  query: SelectQueryBuilder<any, any, O>,
  table: string,
  order: SortOrder,
  req: PageRequest,
  v1Sort: string,
): Promise<Page<O>> {
  const limit = pageSize(req);
  const after = req.cursor ? decodeSortedCursor(req.cursor, order, v1Sort) : undefined;
  const id = sql.ref(`${table}.id`);
  const row = sql.join([...order.keys.map((k) => k.expr), id]);
  let q: SelectQueryBuilder<any, any, any> = query;
  if (after) {
    // a v1 cursor names a row only: its keys are read back (inside the subquery `table` is that row)
    const start =
      'v1Id' in after
        ? sql`(select ${row} from ${sql.table(table)} where ${id} = ${after.v1Id})`
        : sql`(${sql.join([...order.keys.map((k, i) => castBack(k, after.values[i]!)), sql`${after.id}::uuid`])})`;
    q = q.where(order.direction === 'asc' ? sql<boolean>`(${row}) > ${start}` : sql<boolean>`(${row}) < ${start}`);
  }
  for (const key of order.keys) q = q.orderBy(key.expr, order.direction);
  q = q.orderBy(id, order.direction);
  const columns = order.keys.map((_, i) => `__sort_key_${i}`);
  q = q.select(order.keys.map((k, i) => printed(k).as(columns[i]!)));
  const rows = (await q.limit(limit + 1).execute()) as Array<O & Record<string, unknown>>;
  const items = rows.slice(0, limit).map((r) => {
    const item: Record<string, unknown> = { ...r };
    for (const c of columns) delete item[c];
    return item as O;
  });
  const last = rows[limit - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeSortedCursor(order.name, { values: columns.map((c) => String(last[c])), id: last.id })
        : null,
  };
}
