// Use cases for the tenant's minimum-necessary lists (REST and GraphQL call the same two).
// Tenant admins and privacy officers set them; auditors read them (what each role may see
// is what access is judged against). CASL subject MinimumNecessary (read, update).
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import {
  invalidMinimumNecessary,
  minimumNecessaryFields,
  minimumNecessaryFrom,
  minimumNecessaryRoles,
  type MinimumNecessary,
  type MinimumNecessaryRole,
} from './minimum-necessary.model.js';
import * as repo from './minimum-necessary.repository.js';

export interface MinimumNecessaryView {
  /** record type -> role -> the PHI fields opened for it; a pair not listed opens every field */
  allowlists: MinimumNecessary;
  /** what may be listed: each record type's PHI fields */
  recordFields: typeof minimumNecessaryFields;
  /** ...and the roles a list may name */
  roles: readonly MinimumNecessaryRole[];
}

const auditedAs = (actor: Actor) => ({ resourceType: 'Tenant' as const, resourceId: actor.tenantId });
const viewOf = (allowlists: MinimumNecessary): MinimumNecessaryView => ({
  allowlists,
  recordFields: minimumNecessaryFields,
  roles: minimumNecessaryRoles,
});

export async function getMinimumNecessary(deps: ServiceDeps, actor: Actor): Promise<MinimumNecessaryView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'MinimumNecessary');
    const lists = await repo.getLists(s.tx, actor.tenantId);
    if (!lists) throw notFound('tenant');
    s.record({ action: 'minimum_necessary.read', ...auditedAs(actor), outcome: 'allowed' });
    return viewOf(lists);
  });
}

/**
 * Replaces the tenant's lists at once. Every problem is reported together, each with its
 * JSON pointer under /allowlists and the values allowed there (422 UNPROCESSABLE).
 */
export async function putMinimumNecessary(
  deps: ServiceDeps,
  actor: Actor,
  input: { allowlists: unknown },
): Promise<MinimumNecessaryView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'MinimumNecessary');
    const problems = invalidMinimumNecessary(input.allowlists, '/allowlists');
    if (problems.length > 0)
      throw new AppError(
        'UNPROCESSABLE',
        'The minimum-necessary lists name unknown record types, roles or fields.',
        problems,
      );
    const lists = await repo.putLists(s.tx, actor.tenantId, minimumNecessaryFrom(input.allowlists));
    if (!lists) throw notFound('tenant');
    s.record({ action: 'minimum_necessary.update', ...auditedAs(actor), outcome: 'allowed' });
    return viewOf(lists);
  });
}
