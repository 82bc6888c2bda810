// The SQL statements of the tickets benchmark's app: their kinds (for where a request's
// database time goes), the counts the server process keeps by kind and pool, and the
// difference of two counts. No imports: the server process and the driver both load it.

const control = new Set(['transaction control', 'tenant scope (set_config: role + tenant id)']);

/**
 * The kind of one message to PostgreSQL. The app may send several statements in one
 * message (src/db/scoped-connection.ts joins them with ";\n": BEGIN and the tenant scope
 * with the first statement, COMMIT with the last): such a message is named by what it
 * carries besides the transaction frame, with the frame noted.
 */
export function classifyMessage(text: string): string {
  const kinds = text.split(/;\n/).map(classifyStatement);
  const work = [...new Set(kinds.filter((k) => !control.has(k)))];
  if (work.length === 0) return [...new Set(kinds)].join(' + ');
  return work.join(' + ') + (work.length < kinds.length ? ' (with BEGIN/scope/COMMIT)' : '');
}

/** Statements by kind: how many, and their time in ms as Kysely's log hook measures it. */
export interface StatementStats {
  [kind: string]: { count: number; ms: number };
}

/** Statement kinds counted on the audit writer's own pool start with this. */
export const AUDIT_POOL = 'audit pool: ';

/** The kind of an SQL statement of the app, for the table of where a create's database time goes. */
export function classifyStatement(text: string): string {
  const sql = text.trim().toLowerCase();
  if (/^(begin|commit|rollback|start transaction|set transaction)/.test(sql)) return 'transaction control';
  if (sql.includes('set_config')) return 'tenant scope (set_config: role + tenant id)';
  if (sql.includes('"api_keys"')) return 'authentication (API key with its break-glass grants)';
  // the write's one lookup: references, SLA policy, custom-field definitions
  if (/^select exists|as "sla"/.test(sql)) return 'lookups (references, SLA policy, field definitions)';
  if (/^with "t" as \(insert into "tickets"/.test(sql)) return 'insert tickets + timeline row (one CTE)';
  const table = /(?:from|into|update)\s+"?([a-z_]+)"?/.exec(sql)?.[1] ?? 'other';
  if (
    table === 'audit_inbox' ||
    table === 'audit_events' ||
    table === 'audit_chain_heads' ||
    sql.includes('pg_try_advisory') ||
    sql.includes('pg_advisory')
  )
    return 'audit (inbox writes, sequencer)';
  if (table === 'tenants' || table === 'group_members') return 'authentication (API key with its break-glass grants)';
  return `${sql.split(/\s/)[0]} ${table}`;
}

/** The statements counted between two `stats()` answers. */
export function diff(after: StatementStats, before: StatementStats): StatementStats {
  const out: StatementStats = {};
  for (const [k, v] of Object.entries(after)) {
    const b = before[k] ?? { count: 0, ms: 0 };
    if (v.count - b.count > 0) out[k] = { count: v.count - b.count, ms: v.ms - b.ms };
  }
  return out;
}

/** Per request: statements on the request's pool, on the audit writer's pool, and the request pool's ms in PostgreSQL. */
export function perRequest(stats: StatementStats, requests: number): { request: number; audit: number; dbMs: number } {
  let request = 0;
  let audit = 0;
  let dbMs = 0;
  for (const [kind, s] of Object.entries(stats)) {
    if (kind.startsWith(AUDIT_POOL)) audit += s.count;
    else {
      request += s.count;
      dbMs += s.ms;
    }
  }
  const n = Math.max(requests, 1);
  return { request: request / n, audit: audit / n, dbMs: dbMs / n };
}
