import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import { narrowedBy, type Where } from '../db/where.js';

export const apiKeyColumns = [
  'id',
  'tenant_id',
  'name',
  'prefix',
  'roles',
  'scopes',
  'allowed_cidrs',
  'expires_at',
  'last_used_at',
  'revoked_at',
  'created_by',
  'created_at',
] as const;

export interface NewApiKeyRow {
  tenant_id: string;
  name: string;
  prefix: string;
  secret_hash: Buffer;
  roles: string[];
  scopes: string[];
  allowed_cidrs: string[] | null;
  expires_at: Date | null;
  created_by: string | null;
}

export async function insertApiKey(db: Kysely<Database> | Tx, row: NewApiKeyRow) {
  return db.insertInto('api_keys').values(row).returning(apiKeyColumns).executeTakeFirstOrThrow();
}

/** API keys, only those `where` allows when given (a policy's where-clause). */
export function selectApiKeys(tx: Tx, where?: Where) {
  return narrowedBy(tx.selectFrom('api_keys').select(apiKeyColumns), where);
}

export async function getApiKey(tx: Tx, id: string) {
  return tx.selectFrom('api_keys').select(apiKeyColumns).where('id', '=', id).executeTakeFirst();
}

export async function revokeApiKey(tx: Tx, id: string, at: Date) {
  return tx
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(apiKeyColumns)
    .executeTakeFirst();
}

/**
 * Owner connection: the key names its tenant only through this row. Its open break-glass
 * grants come along in the same statement: authentication runs on every request, so it is
 * one round trip.
 */
export async function findApiKeyForAuth(db: Kysely<Database>, prefix: string) {
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
    .select([
      'api_keys.id',
      'api_keys.tenant_id',
      'api_keys.secret_hash',
      'api_keys.roles',
      'api_keys.scopes',
      'api_keys.allowed_cidrs',
      'api_keys.expires_at',
      'api_keys.revoked_at',
      'api_keys.last_used_at',
      'tenants.status as tenant_status',
      'tenants.require_mfa_for_phi',
      'tenants.minimum_necessary',
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('break_glass_grants as g')
          .select(['g.resource_type', 'g.resource_id', 'g.expires_at'])
          .whereRef('g.tenant_id', '=', 'api_keys.tenant_id')
          .whereRef('g.actor_id', '=', 'api_keys.id')
          .where('g.expires_at', '>', sql<Date>`now()`)
          .where('g.closed_at', 'is', null),
      ).as('grants'),
    )
    .where('api_keys.prefix', '=', prefix)
    .executeTakeFirst();
  // JSON carries the expiry as text
  return row && { ...row, grants: row.grants.map((g) => ({ ...g, expires_at: new Date(g.expires_at) })) };
}

/** Records use at most once a minute per key, so hot keys do not write on every request. */
export async function touchApiKey(db: Kysely<Database>, id: string, at: Date) {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(at.getTime() - 60_000))]))
    .execute();
}
