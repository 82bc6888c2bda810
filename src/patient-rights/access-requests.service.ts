// Access requests (45 CFR 164.524): a patient asks for their record. The privacy officer
// opens a request with how the patient's identity was verified; it is due 30 days later,
// extendable once by 30 days with a written reason; it ends fulfilled (the bundle: see
// access-fulfilment.service.ts) or denied on a ground of the rule's closed list. Tenant
// admins see where requests stand, never the sealed notes. Time comes from deps.clock.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { contactExists } from '../contacts/contacts.repository.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import * as repo from './access-requests.repository.js';
import {
  ACCESS_DAYS,
  ACCESS_EXTENSION_DAYS,
  addDays,
  assertOneOf,
  assertText,
  denialGroundNames,
  denialGrounds,
  nowOf,
  timingFilters,
  timingOf,
  verificationMethods,
  type DenialGround,
  type PatientRightsDeps,
  type Timing,
  type TimingFilter,
} from './patient-rights.model.js';
import { accessRequestsSealing as spec, openIn, sealOptional } from './patient-rights.sealing.js';

export interface AccessRequestView {
  id: string;
  contactId: string;
  verificationMethod: string;
  /** sealed free text: the privacy officer's; null (masked) for others */
  verificationNote: string | null;
  status: string;
  openedAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  extensionReason: string | null;
  timing: Timing;
  fulfilledAt: Date | null;
  deniedAt: Date | null;
  denial: { ground: string; rule: string; reviewable: boolean; note: string | null } | null;
  /** true when the caller may not read the sealed notes */
  masked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface OpenAccessRequestInput {
  contactId: string;
  verificationMethod: string;
  verificationNote?: string | null | undefined;
}

const NOTE_MAX = 2000;

/** The request as the actor may see it; its read is recorded (sealed fields named when opened). */
export async function presentAccessRequest(
  s: Scope,
  crypto: TenantCrypto,
  row: repo.AccessRequestRow,
  now: Date,
): Promise<AccessRequestView> {
  const phi = can(s.ability, 'read_phi', 'AccessRequest');
  const open = async (column: (typeof spec.columns)[number], sealed: typeof row.verification_note_sealed) =>
    phi ? openIn(crypto, spec, column, row.id, sealed) : null;
  const ground = row.denial_ground as DenialGround | null;
  return {
    id: row.id,
    contactId: row.contact_id,
    verificationMethod: row.verification_method,
    verificationNote: await open('verification_note_sealed', row.verification_note_sealed),
    status: row.status,
    openedAt: row.opened_at,
    dueAt: row.due_at,
    extendedAt: row.extended_at,
    extensionReason: await open('extension_reason_sealed', row.extension_reason_sealed),
    timing: timingOf(row.status, row.due_at, now),
    fulfilledAt: row.fulfilled_at,
    deniedAt: row.denied_at,
    denial: ground
      ? {
          ground,
          rule: denialGrounds[ground].rule,
          reviewable: denialGrounds[ground].reviewable,
          note: await open('denial_note_sealed', row.denial_note_sealed),
        }
      : null,
    masked: !phi,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const sealedFieldsOf = (row: repo.AccessRequestRow): string[] =>
  spec.columns.filter((c) => row[c] !== null).flatMap((c) => spec.fieldNames[c]);

export function readEvent(s: Scope, row: repo.AccessRequestRow) {
  return {
    action: 'access_request.read',
    resourceType: 'AccessRequest',
    resourceId: row.id,
    subjectContactId: row.contact_id,
    phiFields: can(s.ability, 'read_phi', 'AccessRequest') ? sealedFieldsOf(row) : [],
    outcome: 'allowed',
  } as const;
}

export async function visibleAccessRequest(
  s: Scope,
  id: string,
  action: 'read' | 'update',
  opts: { forUpdate?: boolean } = {},
): Promise<repo.AccessRequestRow> {
  s.assertCan(action, 'AccessRequest');
  const row = isUuid(id) ? await repo.getAccessRequest(s.tx, id, opts) : undefined;
  if (!row) throw notFound('access request');
  return row;
}

export function assertOpen(row: { status: string }, what: string): void {
  if (row.status !== 'open') throw new AppError('CONFLICT', `This ${what} is already closed (${row.status}).`);
}

export async function openAccessRequest(
  deps: PatientRightsDeps,
  actor: Actor,
  input: OpenAccessRequestInput,
): Promise<AccessRequestView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'AccessRequest');
    if (typeof input.contactId !== 'string' || !isUuid(input.contactId))
      throw new AppError('VALIDATION_FAILED', 'contactId must be a uuid.', [{ pointer: '/contactId', detail: 'uuid' }]);
    assertOneOf('verificationMethod', input.verificationMethod, verificationMethods);
    assertText('verificationNote', input.verificationNote, NOTE_MAX, false);
    if (!(await contactExists(s.tx, input.contactId)))
      throw new AppError('UNPROCESSABLE', 'No such contact in this tenant.', [
        { pointer: '/contactId', detail: 'unknown contact' },
      ]);
    const now = nowOf(deps);
    const id = randomUUID();
    const row = await repo.insertAccessRequest(s.tx, {
      id,
      tenant_id: actor.tenantId,
      contact_id: input.contactId,
      verification_method: input.verificationMethod,
      verification_note_sealed: sealOptional(crypto, spec, 'verification_note_sealed', id, input.verificationNote),
      opened_at: now,
      due_at: addDays(now, ACCESS_DAYS),
      key_version: crypto.activeVersion,
      created_by: actor.id,
    });
    s.record({
      action: 'access_request.open',
      resourceType: 'AccessRequest',
      resourceId: id,
      subjectContactId: input.contactId,
      phiFields: sealedFieldsOf(row),
      outcome: 'allowed',
    });
    return presentAccessRequest(s, crypto, row, now);
  });
}

export async function getAccessRequest(deps: PatientRightsDeps, actor: Actor, id: string): Promise<AccessRequestView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleAccessRequest(s, id, 'read');
    s.record(readEvent(s, row));
    return presentAccessRequest(s, crypto, row, nowOf(deps));
  });
}

export interface AccessRequestFilter extends PageRequest {
  timing?: string | undefined;
  contactId?: string | undefined;
}

export async function listAccessRequests(
  deps: PatientRightsDeps,
  actor: Actor,
  filter: AccessRequestFilter,
): Promise<Page<AccessRequestView>> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'AccessRequest');
    if (filter.timing !== undefined) assertOneOf('timing', filter.timing, timingFilters);
    if (filter.contactId !== undefined && !isUuid(filter.contactId))
      throw new AppError('VALIDATION_FAILED', 'contactId must be a uuid.', [{ pointer: '/contactId', detail: 'uuid' }]);
    const now = nowOf(deps);
    const query = repo.selectAccessRequests(
      s.tx,
      { timing: filter.timing as TimingFilter | undefined, contactId: filter.contactId },
      now,
    );
    const page = await paginate(query, 'access_requests', filter);
    for (const row of page.items) s.record(readEvent(s, row));
    const items = [];
    for (const row of page.items) items.push(await presentAccessRequest(s, crypto, row, now));
    return { items, nextCursor: page.nextCursor };
  });
}

/** Re-seals every sealed text of the row under the active key, with `changes` applied. */
async function resealed(
  crypto: TenantCrypto,
  row: repo.AccessRequestRow,
  changes: { extension_reason_sealed?: string; denial_note_sealed?: string | null },
) {
  const seal = async (column: (typeof spec.columns)[number]) => {
    const text =
      column in changes
        ? changes[column as keyof typeof changes]
        : await openIn(crypto, spec, column, row.id, row[column]);
    return sealOptional(crypto, spec, column, row.id, text);
  };
  return {
    verification_note_sealed: await seal('verification_note_sealed'),
    extension_reason_sealed: await seal('extension_reason_sealed'),
    denial_note_sealed: await seal('denial_note_sealed'),
    key_version: crypto.activeVersion,
  };
}

/** One extension of 30 days, with the written reason sent to the patient (sealed here). */
export async function extendAccessRequest(
  deps: PatientRightsDeps,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<AccessRequestView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleAccessRequest(s, id, 'update', { forUpdate: true });
    s.assertCan('update', 'AccessRequest', { id });
    assertText('reason', input.reason, NOTE_MAX, true);
    assertOpen(row, 'access request');
    if (row.extended_at !== null) throw new AppError('CONFLICT', 'An access request can be extended only once.');
    const now = nowOf(deps);
    const updated = await repo.updateAccessRequest(s.tx, id, {
      due_at: addDays(row.due_at, ACCESS_EXTENSION_DAYS),
      extended_at: now,
      sealed: await resealed(crypto, row, { extension_reason_sealed: input.reason }),
    });
    s.record({
      action: 'access_request.extend',
      resourceType: 'AccessRequest',
      resourceId: id,
      subjectContactId: row.contact_id,
      phiFields: ['access_request.extension_reason'],
      outcome: 'allowed',
    });
    return presentAccessRequest(s, crypto, updated, now);
  });
}

export async function denyAccessRequest(
  deps: PatientRightsDeps,
  actor: Actor,
  id: string,
  input: { ground: string; note?: string | null | undefined },
): Promise<AccessRequestView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleAccessRequest(s, id, 'update', { forUpdate: true });
    s.assertCan('update', 'AccessRequest', { id });
    assertOneOf('ground', input.ground, denialGroundNames);
    assertText('note', input.note, NOTE_MAX, false);
    assertOpen(row, 'access request');
    const now = nowOf(deps);
    const updated = await repo.updateAccessRequest(s.tx, id, {
      status: 'denied',
      denied_at: now,
      denial_ground: input.ground,
      sealed: await resealed(crypto, row, { denial_note_sealed: input.note ?? null }),
    });
    s.record({
      action: 'access_request.deny',
      resourceType: 'AccessRequest',
      resourceId: id,
      subjectContactId: row.contact_id,
      phiFields: input.note ? ['access_request.denial_note'] : [],
      reasonCode: input.ground,
      outcome: 'allowed',
    });
    return presentAccessRequest(s, crypto, updated, now);
  });
}
