// The runner guard: the same global setup as the suite (embedded PostgreSQL when
// TEST_DATABASE_URL is unset), but only the deliberately failing fixture. .ci/run runs it
// and fails CI unless vitest exits non-zero, so a run with failures can never pass again.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/runner-guard/*.fixture.ts'],
    globalSetup: ['tests/setup/global-db.ts'],
    pool: 'forks',
    hookTimeout: 60_000,
  },
});
