// A tenant's retention periods: read by those who administer or audit the desk, set by
// the tenant admin (policy). The purge (purge.service.ts) applies them.
import type { Actor } from '../auth/actor.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import { assertPolicy, type RetentionPolicyInput, type RetentionPolicyView } from './retention.model.js';
import * as repo from './retention.repository.js';

function present(row: repo.PolicyRow | undefined): RetentionPolicyView {
  return {
    closedTicketDays: row?.closed_ticket_days ?? null,
    commentDays: row?.comment_days ?? null,
    attachmentDays: row?.attachment_days ?? null,
    contactDays: row?.contact_days ?? null,
    auditEventsPurged: false,
    updatedAt: row?.updated_at ?? null,
  };
}

const event = (action: 'retention_policy.read' | 'retention_policy.put', tenantId: string) =>
  ({ action, resourceType: 'RetentionPolicy', resourceId: tenantId, outcome: 'allowed' }) as const;

export async function getRetentionPolicy(deps: ServiceDeps, actor: Actor): Promise<RetentionPolicyView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'RetentionPolicy');
    const row = await repo.getPolicy(s.tx);
    s.record(event('retention_policy.read', actor.tenantId));
    return present(row);
  });
}

export async function putRetentionPolicy(
  deps: ServiceDeps,
  actor: Actor,
  input: RetentionPolicyInput,
): Promise<RetentionPolicyView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'RetentionPolicy');
    assertPolicy(input);
    // under the purge's lock: a batch under way finishes first, the next reads these periods
    await repo.lockTenantRetention(s.tx, actor.tenantId);
    const row = await repo.putPolicy(s.tx, {
      tenant_id: actor.tenantId,
      updated_by: actor.id,
      closed_ticket_days: input.closedTicketDays,
      comment_days: input.commentDays,
      attachment_days: input.attachmentDays,
      contact_days: input.contactDays,
    });
    s.record(event('retention_policy.put', actor.tenantId));
    return present(row);
  });
}
