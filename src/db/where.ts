// A where-clause as repositories take it: what src/policy/sql.ts's policyWhere returns
// (CASL rules as SQL), passed through a service to the repository that builds the query.
import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely';

export type Where = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/** `query` narrowed by `where` when one is given. */
export function narrowedBy<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  where: Where | undefined,
): SelectQueryBuilder<DB, TB, O> {
  return where ? query.where(where) : query;
}

/** The rows of `query` whose `idColumn` is one of `ids`; no query at all for no ids. */
export async function rowsWithIds<O>(
  query: SelectQueryBuilder<any, any, O>,
  idColumn: string,
  ids: readonly string[],
): Promise<O[]> {
  if (ids.length === 0) return [];
  return query.where(idColumn, 'in', [...ids]).execute();
}
