// A fresh database per test file, cloned from the migrated template (fast, isolated).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../src/db/kysely.js';
import { withDatabase } from '../../src/db/admin.js';

export interface TestDatabase extends DatabaseHandle {
  readonly url: string;
  readonly name: string;
  /** closes the pool and drops the database */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** observes every SQL statement sent through the pool (e.g. to count queries); see connectDatabase */
  onQuery?: ((sql: string) => void) | undefined;
}

export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = inject('dbAdminUrl');
  const template = inject('dbTemplate');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Concurrent clones of one template can collide on its lock; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        break;
      } catch (e) {
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const handle = connectDatabase(url, { poolMax: 10, onQuery: opts.onQuery });
  return {
    ...handle,
    url,
    name,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}
