// The tenant's activity-review settings as use cases: read (privacy officer, tenant admin,
// auditor) and set (privacy officer). A tenant that never set them gets the defaults.
import type { Actor } from '../auth/actor.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import * as repo from './activity-review.repository.js';
import {
  assertSettings,
  defaultReviewSettings,
  fromMinutes,
  toMinutes,
  type ReviewSettings,
} from './review-settings.js';

export type ReviewSettingsView = ReviewSettings & { isDefault: boolean };

type StoredSettings = Awaited<ReturnType<typeof repo.getSettings>>;

export function settingsOf(row: StoredSettings): ReviewSettings {
  if (!row) return defaultReviewSettings;
  return {
    timeZone: row.time_zone,
    businessStart: fromMinutes(row.business_start),
    businessEnd: fromMinutes(row.business_end),
    businessDays: [...row.business_days].map(Number).sort(),
    offHoursMinRecords: row.off_hours_min_records,
    volumeMinRecords: row.volume_min_records,
    volumeFactor: row.volume_factor,
    deniedBurstMin: row.denied_burst_min,
    relationshipMatch: { surname: row.relationship_surname, address: row.relationship_address },
  };
}

const event = (action: 'review_settings.read' | 'review_settings.put', tenantId: string) =>
  ({ action, resourceType: 'Tenant', resourceId: tenantId, outcome: 'allowed' }) as const;

export async function getReviewSettings(deps: ServiceDeps, actor: Actor): Promise<ReviewSettingsView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'ReviewFinding');
    const row = await repo.getSettings(s.tx);
    s.record(event('review_settings.read', actor.tenantId));
    return { ...settingsOf(row), isDefault: row === undefined };
  });
}

export async function putReviewSettings(
  deps: ServiceDeps,
  actor: Actor,
  input: Omit<ReviewSettings, 'relationshipMatch'> & { relationshipMatch?: ReviewSettings['relationshipMatch'] },
): Promise<ReviewSettingsView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'ReviewFinding');
    // absent (clients written before the relationship detector): both comparisons off
    const relationship = input.relationshipMatch ?? defaultReviewSettings.relationshipMatch;
    assertSettings({ ...input, relationshipMatch: relationship });
    await repo.putSettings(
      s.tx,
      actor.tenantId,
      {
        time_zone: input.timeZone,
        business_start: toMinutes(input.businessStart),
        business_end: toMinutes(input.businessEnd),
        business_days: [...input.businessDays].sort(),
        off_hours_min_records: input.offHoursMinRecords,
        volume_min_records: input.volumeMinRecords,
        volume_factor: input.volumeFactor,
        denied_burst_min: input.deniedBurstMin,
        relationship_surname: relationship.surname,
        relationship_address: relationship.address,
      },
      actor.id,
    );
    s.record(event('review_settings.put', actor.tenantId));
    return { ...settingsOf(await repo.getSettings(s.tx)), isDefault: false };
  });
}
