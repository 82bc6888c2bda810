// Use cases for a tenant's PHI detection settings (REST and GraphQL call the same two).
// Reading and setting them is tenant administration: CASL subject Tenant (read, update).
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import * as repo from './settings.repository.js';
import {
  defaultPhiDetectionSettings,
  invalidSettings,
  type PhiDetectionSettings,
  type PhiDetectionSettingsView,
} from './settings.model.js';

const auditedAs = (actor: Actor) => ({ resourceType: 'Tenant' as const, resourceId: actor.tenantId });

export async function getPhiDetectionSettings(deps: ServiceDeps, actor: Actor): Promise<PhiDetectionSettingsView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Tenant');
    const row = await repo.getRow(s.tx, actor.tenantId);
    s.record({ action: 'phi_detection_settings.read', ...auditedAs(actor), outcome: 'allowed' });
    if (!row)
      return {
        ...defaultPhiDetectionSettings,
        patternKinds: [...defaultPhiDetectionSettings.patternKinds],
        isDefault: true,
        updatedAt: null,
      };
    return { ...repo.fromRow(row), isDefault: false, updatedAt: row.updated_at };
  });
}

/** Replaces the tenant's settings; in force from the next outgoing reply or delivery. */
export async function putPhiDetectionSettings(
  deps: ServiceDeps,
  actor: Actor,
  input: PhiDetectionSettings,
): Promise<PhiDetectionSettingsView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const problems = invalidSettings(input);
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', 'The PHI detection settings are invalid.', problems);
    const row = await repo.putRow(s.tx, actor.tenantId, actor.id, input);
    s.record({ action: 'phi_detection_settings.put', ...auditedAs(actor), outcome: 'allowed' });
    return { ...repo.fromRow(row), isDefault: false, updatedAt: row.updated_at };
  });
}

/** The settings in force for a tenant (its row, or the defaults), for the checks on the way out. */
export const settingsInForce = repo.settingsOf;
