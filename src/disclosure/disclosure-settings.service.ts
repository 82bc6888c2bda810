// The tenant's disclosure settings: whether public replies on a patient's ticket are
// checked against verified identities and personal representatives ('off' by default, so
// tenants that have not chosen keep replying as before; 'refuse' or 'hold' turn it on) and
// how many days an identity verification lasts. Tenant admins set them (Tenant update);
// staff may read them (Tenant read).
import type { Actor } from '../auth/actor.js';
import { recipientCheckModes, type RecipientCheckMode } from '../db/tables/disclosure.js';
import type { Tx } from '../db/tenant-tx.js';
import { AppError, type ErrorDetail } from '../errors.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import * as repo from './disclosure-settings.repository.js';

export interface DisclosureSettingsView {
  recipientCheck: RecipientCheckMode;
  verificationValidDays: number;
  /** true while the tenant has not set its own (the defaults apply) */
  isDefault: boolean;
  updatedAt: Date | null;
}

export interface DisclosureSettingsInput {
  recipientCheck: RecipientCheckMode;
  verificationValidDays: number;
}

export const defaultDisclosureSettings = { recipientCheck: 'off', verificationValidDays: 365 } as const;
export const maxVerificationValidDays = 3650;

/** The settings the recipient check applies, read in the caller's transaction. */
export async function disclosureSettingsOf(tx: Tx): Promise<DisclosureSettingsView> {
  return disclosureSettingsFrom(await repo.getSettingsRow(tx));
}

/** The view of the tenant's row, or the defaults when it has none. */
export function disclosureSettingsFrom(
  row:
    | { recipient_check: RecipientCheckMode; verification_valid_days: number; updated_at: Date | string }
    | undefined
    | null,
): DisclosureSettingsView {
  if (!row) return { ...defaultDisclosureSettings, isDefault: true, updatedAt: null };
  return {
    recipientCheck: row.recipient_check,
    verificationValidDays: row.verification_valid_days,
    isDefault: false,
    // a Date from a plain select, an ISO string when read through a JSON object
    updatedAt: new Date(row.updated_at),
  };
}

const audited = (actor: Actor, action: 'disclosure_settings.read' | 'disclosure_settings.put') =>
  ({ action, resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' }) as const;

export async function getDisclosureSettings(deps: ServiceDeps, actor: Actor): Promise<DisclosureSettingsView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Tenant');
    const view = await disclosureSettingsOf(s.tx);
    s.record(audited(actor, 'disclosure_settings.read'));
    return view;
  });
}

/** The same rules as the REST schema, for GraphQL's plain strings and Ints too. */
function invalid(input: DisclosureSettingsInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!(recipientCheckModes as readonly string[]).includes(input.recipientCheck))
    problems.push({
      pointer: '/recipientCheck',
      detail: 'must be one of the allowed modes',
      allowed: recipientCheckModes,
    });
  const days = input.verificationValidDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > maxVerificationValidDays)
    problems.push({
      pointer: '/verificationValidDays',
      detail: `must be a whole number from 1 to ${maxVerificationValidDays}`,
    });
  return problems;
}

export async function putDisclosureSettings(
  deps: ServiceDeps,
  actor: Actor,
  input: DisclosureSettingsInput,
): Promise<DisclosureSettingsView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const problems = invalid(input);
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The disclosure settings are invalid.', problems);
    await repo.putSettingsRow(s.tx, actor.tenantId, {
      recipient_check: input.recipientCheck,
      verification_valid_days: input.verificationValidDays,
      updated_by: actor.id,
    });
    s.record(audited(actor, 'disclosure_settings.put'));
    return disclosureSettingsOf(s.tx);
  });
}
