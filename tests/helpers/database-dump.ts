// A data-only dump of a test database, to prove a canary is absent from it. pg_dump when
// its major version matches the server's; the pg_dump on this machine is 15 and cannot
// dump the embedded PostgreSQL 18, so then `COPY (SELECT * FROM <table>) TO STDOUT`
// (through psql) over every table of the database, listed from pg_catalog.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';

const run = promisify(execFile);

export async function databaseDump(database: { url: string; db: Kysely<any> }): Promise<{ text: string; how: string }> {
  const {
    rows: [server],
  } = await sql<{ v: number }>`select current_setting('server_version_num')::int / 10000 as v`.execute(database.db);
  const pgDump = await run('pg_dump', ['--version']).then(
    (r) => Number(/(\d+)\./.exec(r.stdout)?.[1]),
    () => 0,
  );
  if (pgDump === server!.v) {
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', database.url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return { text: stdout, how: `pg_dump ${pgDump}` };
  }
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select n.nspname as schema, c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`.execute(
    database.db,
  );
  const parts: string[] = [];
  for (const table of tables) {
    const copy = `COPY (SELECT * FROM "${table.schema}"."${table.name}") TO STDOUT`;
    const { stdout } = await run('psql', [database.url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', copy], {
      maxBuffer: 256 * 1024 * 1024,
    });
    parts.push(`-- ${table.schema}.${table.name}\n${stdout}`);
  }
  return {
    text: parts.join('\n'),
    how: `COPY over ${tables.length} tables (pg_dump ${pgDump || 'missing'}, server ${server!.v})`,
  };
}
