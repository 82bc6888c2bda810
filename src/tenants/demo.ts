// Development convenience: `npm start` creates a `demo` tenant once and writes its
// tenant-admin API key to DATA_DIR/demo-admin.key (mode 0600), so a new developer can
// call the API at once. Never runs in production.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createTenant, findTenantBySlug } from './tenants.service.js';

export async function ensureDemoTenant(
  db: Kysely<Database>,
  dataDir: string,
): Promise<{ created: boolean; keyFile: string }> {
  const keyFile = path.join(dataDir, 'demo-admin.key');
  if (await findTenantBySlug(db, 'demo')) return { created: false, keyFile };
  const { adminKey } = await createTenant(db, { slug: 'demo', name: 'Demo tenant', allowHttpJwks: false });
  if (existsSync(keyFile)) await writeFile(keyFile, `${adminKey}\n`, { mode: 0o600 });
  else await writeFile(keyFile, `${adminKey}\n`, { mode: 0o600, flag: 'wx' });
  return { created: true, keyFile };
}
