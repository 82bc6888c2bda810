// CASL rules -> a Kysely where-clause, so every list is filtered in SQL by the same
// rules that check single records; nothing is fetched and then filtered in memory.
import { rulesToQuery } from '@casl/ability/extra';
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import { AppError } from '../errors.js';
import type { Action, AppAbility, SubjectType } from './ability.js';

type Conditions = Record<string, unknown>;

/** Maps a condition field (camelCase record field) to a column reference in the query. */
export type FieldColumns = Record<string, string>;

function fieldCondition(eb: ExpressionBuilder<any, any>, column: string, value: unknown): Expression<SqlBool> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    const ops = value as Record<string, unknown>;
    const parts = Object.entries(ops).map(([op, v]) => {
      switch (op) {
        case '$eq':
          return v === null ? eb(column, 'is', null) : eb(column, '=', v);
        case '$ne':
          return v === null ? eb(column, 'is not', null) : eb(column, '<>', v);
        case '$in':
          return (v as unknown[]).length === 0 ? sql<SqlBool>`false` : eb(column, 'in', v as unknown[]);
        case '$nin':
          return (v as unknown[]).length === 0 ? sql<SqlBool>`true` : eb(column, 'not in', v as unknown[]);
        default:
          throw new AppError('INTERNAL', `policy operator ${op} has no SQL translation`);
      }
    });
    return eb.and(parts);
  }
  return value === null ? eb(column, 'is', null) : eb(column, '=', value);
}

function conditionsToSql(
  eb: ExpressionBuilder<any, any>,
  conditions: Conditions,
  columns: FieldColumns,
): Expression<SqlBool> {
  const parts = Object.entries(conditions).map(([field, value]) => {
    const column = columns[field];
    // An unmapped field must never silently widen access: fail closed and loudly.
    if (!column) throw new AppError('INTERNAL', `policy field ${field} has no column mapping`);
    return fieldCondition(eb, column, value);
  });
  return eb.and(parts);
}

/**
 * A where-clause builder for what `ability` allows `action` on `subject`, or `null`
 * when nothing is allowed (callers return an empty page without querying).
 */
export function policyWhere(
  ability: AppAbility,
  action: Action,
  subject: SubjectType,
  columns: FieldColumns,
): ((eb: ExpressionBuilder<any, any>) => Expression<SqlBool>) | null {
  const query = rulesToQuery(ability, action, subject, (rule) => {
    if (!rule.conditions) return { __all: true };
    return rule.inverted ? { __not: rule.conditions } : (rule.conditions as Conditions);
  });
  if (query === null) return null;
  return (eb) => {
    const ors = (query.$or ?? []) as Conditions[];
    const ands = (query.$and ?? []) as Conditions[];
    const allowed =
      ors.length === 0 || ors.some((c) => '__all' in c)
        ? sql<SqlBool>`true`
        : eb.or(ors.map((c) => conditionsToSql(eb, c, columns)));
    const denied = ands.map((c) => eb.not(conditionsToSql(eb, (c as { __not: Conditions }).__not ?? c, columns)));
    return denied.length ? eb.and([allowed, ...denied]) : allowed;
  };
}
