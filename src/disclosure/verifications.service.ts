// Contact identity verification (164.514(h)): staff mark a contact's identity verified by
// one of a fixed list of methods; it counts for the tenant's verificationValidDays from
// when it was made (the current setting, so shortening it takes effect at once) unless
// revoked. Only ids, the method and times are stored: nothing here is free text.
import type { Actor } from '../auth/actor.js';
import { verificationMethods, type VerificationMethod } from '../db/tables/disclosure.js';
import type { Tx } from '../db/tenant-tx.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import { disclosureSettingsOf } from './disclosure-settings.service.js';
import * as repo from './verifications.repository.js';

export interface VerificationView {
  id: string;
  contactId: string;
  method: VerificationMethod;
  verifiedBy: string;
  verifiedAt: Date;
  /** verifiedAt plus the tenant's current verificationValidDays */
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** not revoked and not expired, now */
  valid: boolean;
}

const DAY_MS = 86_400_000;

type Row = repo.VerificationRow;

function present(row: Row, validDays: number, now = new Date()): VerificationView {
  const expiresAt = new Date(row.verified_at.getTime() + validDays * DAY_MS);
  return {
    id: row.id,
    contactId: row.contact_id,
    method: row.method,
    verifiedBy: row.verified_by,
    verifiedAt: row.verified_at,
    expiresAt,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    valid: row.revoked_at === null && expiresAt > now,
  };
}

/** The contacts among `contactIds` with a verification in force at `now` (for the recipient check). */
export async function verifiedContacts(
  tx: Tx,
  contactIds: readonly string[],
  validDays: number,
  now: Date = new Date(),
): Promise<Set<string>> {
  return repo.contactsVerifiedSince(tx, contactIds, new Date(now.getTime() - validDays * DAY_MS));
}

/** A contact of the caller's tenant (RLS), or 404: verifications hang off a real contact. */
export async function assertContactExists(s: Scope, contactId: string, pointer?: string): Promise<void> {
  if (isUuid(contactId) && (await repo.contactExists(s.tx, contactId))) return;
  if (pointer)
    throw new AppError('UNPROCESSABLE', 'That contact does not exist.', [{ pointer, detail: 'no such contact' }]);
  throw notFound('contact');
}

const event = (
  action: 'contact_verification.create' | 'contact_verification.read' | 'contact_verification.revoke',
  row: { id: string; contact_id: string; method?: string },
) =>
  ({
    action,
    resourceType: 'ContactVerification',
    resourceId: row.id,
    subjectContactId: row.contact_id,
    ...(action === 'contact_verification.create' && row.method ? { reasonCode: `method:${row.method}` } : {}),
    outcome: 'allowed',
  }) as const;

export async function verifyContact(
  deps: ServiceDeps,
  actor: Actor,
  contactId: string,
  input: { method: string },
): Promise<VerificationView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'ContactVerification');
    if (!(verificationMethods as readonly string[]).includes(input.method))
      throw new AppError('VALIDATION_FAILED', 'method must be one of the verification methods.', [
        { pointer: '/method', detail: 'must be one of the allowed methods', allowed: verificationMethods },
      ]);
    await assertContactExists(s, contactId);
    const row = await repo.insertVerification(s.tx, {
      tenant_id: actor.tenantId,
      contact_id: contactId,
      method: input.method as VerificationMethod,
      verified_by: actor.id,
    });
    s.record(event('contact_verification.create', row));
    return present(row, (await disclosureSettingsOf(s.tx)).verificationValidDays);
  });
}

export async function listVerifications(
  deps: ServiceDeps,
  actor: Actor,
  contactId: string,
  page: PageRequest,
): Promise<Page<VerificationView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'ContactVerification');
    await assertContactExists(s, contactId);
    const result = await paginate(repo.selectVerificationsOf(s.tx, contactId), 'contact_verifications', page);
    const days = (await disclosureSettingsOf(s.tx)).verificationValidDays;
    for (const row of result.items) s.record(event('contact_verification.read', row));
    return { items: result.items.map((r) => present(r, days)), nextCursor: result.nextCursor };
  });
}

export async function revokeVerification(deps: ServiceDeps, actor: Actor, id: string): Promise<VerificationView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('revoke', 'ContactVerification');
    const row = isUuid(id) ? await repo.getVerificationForUpdate(s.tx, id) : undefined;
    if (!row) throw notFound('contact verification');
    const days = (await disclosureSettingsOf(s.tx)).verificationValidDays;
    if (row.revoked_at !== null) return present(row, days);
    const updated = await repo.revokeVerificationRow(s.tx, id, actor.id);
    s.record(event('contact_verification.revoke', updated));
    return present(updated, days);
  });
}
