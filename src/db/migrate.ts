// Migrations live in migrations/ at the repository root (dist/migrations once built),
// typed Kysely<any> so they stay frozen in time.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }),
  });
}

export class MigrationFailed extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(`migration ${migration ?? '(unknown)'} failed`, { cause });
    this.name = 'MigrationFailed';
  }
}

/** Runs every pending migration; throws MigrationFailed naming the one that failed. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationFailed(failed?.migrationName, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migration names on disk, without importing them (readiness checks must stay cheap). */
export async function migrationNamesOnDisk(folder = migrationsFolder): Promise<string[]> {
  const files = await fs.readdir(folder);
  return files
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(ts|js|mjs)$/, ''))
    .sort();
}

/** Names of migrations present on disk but not yet applied. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const onDisk = await migrationNamesOnDisk();
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db).then(
    (r) => new Set(r.rows.map((row) => row.name)),
    () => new Set<string>(), // no migration table yet: everything is pending
  );
  return onDisk.filter((name) => !applied.has(name));
}
