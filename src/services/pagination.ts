// Cursor pagination with a stable order (created_at, id). A cursor names the last row
// of the previous page (its id, opaque to callers, never PHI); the next page starts
// strictly after that row's exact (created_at, id), read back from the database so that
// timestamp precision never repeats or skips rows (the SQL: src/db/keyset-pagination.ts).
import type { SelectQueryBuilder } from 'kysely';
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
      { path: '/cursor', message: 'is not a cursor returned by this API' },
    ]);
  }
  return id;
}

export function pageSize(req: PageRequest): number {
  const limit = req.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError('VALIDATION_FAILED', `limit must be between 1 and ${MAX_PAGE_SIZE}.`, [
      { path: '/limit', message: `must be 1..${MAX_PAGE_SIZE}` },
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
