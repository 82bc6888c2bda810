// Lookups shared by the commands, failing with advice instead of a bare NOT_FOUND.
import { findTenantBySlug, type TenantView } from '../tenants/tenants.service.js';
import { CliError } from './command.js';
import type { CliDatabase } from './database.js';

/** The tenant with this slug; a missing one names the database searched and how to list its tenants. */
export async function requireTenant(h: CliDatabase, slug: string): Promise<TenantView> {
  const tenant = await findTenantBySlug(h.db, slug);
  if (!tenant) throw new CliError(`no tenant "${slug}" in ${h.where} (phidesk tenants list shows the tenants there)`);
  return tenant;
}
