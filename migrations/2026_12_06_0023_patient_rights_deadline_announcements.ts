import type { Kysely } from 'kysely';

// Patient-rights deadlines announced as events (access_request.due_soon/overdue,
// accounting_request.due_soon/overdue). Each request remembers the due time whose
// "due soon" and "overdue" it announced: each is announced once, and again only if an
// extension moved the due time. The partial indexes of migration 0020 (open requests by
// due time) serve the watcher's scan.
const tables = ['access_requests', 'accounting_requests'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of tables) {
    await db.schema
      .alterTable(table)
      .addColumn('due_soon_announced_for', 'timestamptz')
      .addColumn('overdue_announced_for', 'timestamptz')
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of tables) {
    await db.schema
      .alterTable(table)
      .dropColumn('overdue_announced_for')
      .dropColumn('due_soon_announced_for')
      .execute();
  }
}
