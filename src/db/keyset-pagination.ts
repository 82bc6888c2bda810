// Keyset pagination in SQL on a stable order (created_at, id). A page starts strictly after
// the row `afterId` names, at that row's exact (created_at, id) read back from the database,
// so timestamp precision never repeats or skips rows. Cursor encoding and page-size checks
// are the callers' (src/services/pagination.ts); this only builds and runs the query.
import { sql, type SelectQueryBuilder } from 'kysely';

export interface KeysetPage<O> {
  rows: O[];
  /** whether rows exist beyond this page */
  more: boolean;
}

/** Up to `limit` rows of `query` in (created_at, id) order of `table`, after row `afterId`; fetches one extra row to know whether more exist. */
export async function keysetPage<O>(
  query: SelectQueryBuilder<any, any, O>,
  table: string,
  limit: number,
  afterId: string | undefined,
): Promise<KeysetPage<O>> {
  let q = query;
  if (afterId !== undefined) {
    const createdAt = sql.ref(`${table}.created_at`);
    const id = sql.ref(`${table}.id`);
    q = q.where(
      sql<boolean>`(${createdAt}, ${id}) > (select c.created_at, c.id from ${sql.table(table)} c where c.id = ${afterId})`,
    );
  }
  const rows = await q
    .orderBy(`${table}.created_at`, 'asc')
    .orderBy(`${table}.id`, 'asc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
