// Per-tenant attachment limits: the largest file an upload may be and the types (as the
// bytes prove them, content-sniffing.ts) it may be of. A tenant without its own row gets
// defaultLimits (attachments.repository.ts); the upload reads the same row (limitsOf).
import type { Actor } from '../auth/actor.js';
import { AppError, type ErrorDetail } from '../errors.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import * as repo from './attachment-settings.repository.js';
import { defaultLimits } from './attachments.repository.js';
import { MULTIPART_HARD_LIMIT } from './attachment-limits.js';
import { recognisedTypes } from './content-sniffing.js';

/**
 * The largest limit a tenant may set: the upper bound the upload route gives busboy for
 * any tenant's file; a bigger limit could never be reached by a multipart upload.
 */
export const maxBytesCeiling = MULTIPART_HARD_LIMIT;

export interface AttachmentSettingsView {
  maxBytes: number;
  allowedTypes: string[];
  /** true while the tenant has not set its own limits (the defaults apply) */
  isDefault: boolean;
  /** when the tenant last set them; null with the defaults */
  updatedAt: Date | null;
}

export interface AttachmentSettingsInput {
  maxBytes: number;
  allowedTypes: string[];
}

const auditedAs = (actor: Actor) => ({ resourceType: 'Tenant' as const, resourceId: actor.tenantId });

export async function getAttachmentSettings(deps: ServiceDeps, actor: Actor): Promise<AttachmentSettingsView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Tenant');
    const row = await repo.getSettings(s.tx);
    s.record({ action: 'attachment_settings.read', ...auditedAs(actor), outcome: 'allowed' });
    if (!row)
      return {
        maxBytes: defaultLimits.maxBytes,
        allowedTypes: [...defaultLimits.allowedTypes],
        isDefault: true,
        updatedAt: null,
      };
    return {
      maxBytes: Number(row.max_bytes),
      allowedTypes: row.allowed_types,
      isDefault: false,
      updatedAt: row.updated_at,
    };
  });
}

/**
 * The problems with `input`, each naming its field (a JSON pointer) and what it may be.
 * Checked here, not only by the REST schema, so GraphQL (whose SDL says Float and
 * [String!]) is held to the same rules.
 */
function invalidSettings(input: AttachmentSettingsInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { maxBytes, allowedTypes } = input;
  if (typeof maxBytes !== 'number' || !Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > maxBytesCeiling)
    problems.push({ pointer: '/maxBytes', detail: `must be a whole number of bytes from 1 to ${maxBytesCeiling}` });
  if (!Array.isArray(allowedTypes) || allowedTypes.length === 0) {
    problems.push({ pointer: '/allowedTypes', detail: `must list at least one of: ${recognisedTypes.join(', ')}` });
    return problems;
  }
  // distinct types of the recognised set: never more of them than there are
  if (allowedTypes.length > recognisedTypes.length) {
    problems.push({ pointer: '/allowedTypes', detail: 'must list each type at most once', allowed: recognisedTypes });
    return problems;
  }
  const seen = new Set<string>();
  allowedTypes.forEach((type, i) => {
    if (!(recognisedTypes as readonly string[]).includes(type))
      problems.push({
        pointer: `/allowedTypes/${i}`,
        detail: 'must be one of the allowed types',
        allowed: recognisedTypes,
      });
    else if (seen.has(type)) problems.push({ pointer: `/allowedTypes/${i}`, detail: 'repeats an earlier type' });
    seen.add(type);
  });
  return problems;
}

/** Replaces the tenant's limits (both at once); applies to uploads from the next one on. */
export async function putAttachmentSettings(
  deps: ServiceDeps,
  actor: Actor,
  input: AttachmentSettingsInput,
): Promise<AttachmentSettingsView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const problems = invalidSettings(input);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The attachment settings are invalid.', problems);
    const row = await repo.putSettings(s.tx, {
      tenant_id: actor.tenantId,
      max_bytes: input.maxBytes,
      allowed_types: [...input.allowedTypes],
    });
    s.record({ action: 'attachment_settings.put', ...auditedAs(actor), outcome: 'allowed' });
    return {
      maxBytes: Number(row.max_bytes),
      allowedTypes: row.allowed_types,
      isDefault: false,
      updatedAt: row.updated_at,
    };
  });
}
