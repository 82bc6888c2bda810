// Deliberately failing: .ci/run expects `vitest run` on this file to exit non-zero.
// It touches the per-run database first, so the failure happens on the real database path.
import pg from 'pg';
import { expect, inject, it } from 'vitest';

it('reaches the test database, then fails on purpose', async () => {
  const client = new pg.Client({ connectionString: inject('dbAdminUrl') });
  await client.connect();
  const { rows } = await client.query<{ one: number }>('select 1 as one');
  await client.end();
  expect(rows[0]?.one).toBe(1);
  expect('this run').toBe('a failure that must fail the run');
});
