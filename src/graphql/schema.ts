// The served GraphQL schema is exactly the SDL files in schema/, concatenated in name order.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const schemaDir = fileURLToPath(new URL('../../schema', import.meta.url));

export function loadSchemaSdl(dir = schemaDir): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) =>
      // base.graphql declares the root types, so it must come first.
      a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b),
    );
  return files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
}
