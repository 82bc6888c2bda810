// Legal (litigation) holds: placed by a patient, a ticket or a simple query of tickets,
// listed and released by tenant admins and privacy officers, read by auditors (without
// the reason, which is staff free text and sealed). What an active hold covers is never
// purged (purge.repository.ts checks in the purge batch's own transaction). Holds are
// released, never deleted. Every action is audited.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import { openReason, sealReason } from './legal-holds.sealing.js';
import {
  checkHold,
  checkHoldState,
  type LegalHoldInput,
  type LegalHoldView,
  type RetentionDeps,
} from './retention.model.js';
import * as repo from './retention.repository.js';

const REASON_FIELDS = ['legal_hold.reason'];

async function present(row: repo.HoldRow, crypto: TenantCrypto | undefined): Promise<LegalHoldView> {
  return {
    id: row.id,
    kind: row.kind,
    contactId: row.contact_id,
    ticketId: row.ticket_id,
    query:
      row.kind === 'query'
        ? { createdFrom: row.created_from, createdTo: row.created_to, statuses: row.statuses }
        : null,
    reason: crypto ? await openReason(crypto, row.id, row.reason_sealed) : null,
    active: row.released_at === null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    releasedAt: row.released_at,
    releasedBy: row.released_by,
  };
}

type HoldAction = 'legal_hold.read' | 'legal_hold.create' | 'legal_hold.release';
const event = (action: HoldAction, row: repo.HoldRow, disclosed: boolean) =>
  ({
    action,
    resourceType: 'LegalHold',
    resourceId: row.id,
    phiFields: disclosed ? REASON_FIELDS : undefined,
    subjectContactId: row.contact_id ?? undefined,
    outcome: 'allowed',
  }) as const;

/** The reason is opened only for those whose policy lets them read it. */
const mayReadReason = (s: Scope) => can(s.ability, 'read_phi', 'LegalHold');

async function visibleHold(s: Scope, id: string): Promise<repo.HoldRow> {
  s.assertCan('read', 'LegalHold');
  const row = isUuid(id) ? await repo.getHold(s.tx, id) : undefined;
  if (!row) throw notFound('legal hold');
  return row;
}

export async function createHold(deps: RetentionDeps, actor: Actor, input: LegalHoldInput): Promise<LegalHoldView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'LegalHold');
    const hold = checkHold(input);
    // the target must be this tenant's (RLS: another tenant's is not there)
    if (hold.contactId !== null && !(await repo.contactExists(s.tx, hold.contactId)))
      throw new AppError('VALIDATION_FAILED', 'There is no such contact.', [
        { pointer: '/contactId', detail: 'no such contact' },
      ]);
    if (hold.ticketId !== null && !(await repo.ticketExists(s.tx, hold.ticketId)))
      throw new AppError('VALIDATION_FAILED', 'There is no such ticket.', [
        { pointer: '/ticketId', detail: 'no such ticket' },
      ]);
    // waits for a purge batch under way: the next one sees this hold
    await repo.lockTenantRetention(s.tx, actor.tenantId);
    const id = randomUUID();
    const row = await repo.insertHold(s.tx, {
      id,
      tenant_id: actor.tenantId,
      kind: hold.kind,
      contact_id: hold.contactId,
      ticket_id: hold.ticketId,
      created_from: hold.createdFrom,
      created_to: hold.createdTo,
      statuses: hold.statuses,
      reason_sealed: sealReason(crypto, id, input.reason),
      key_version: crypto.activeVersion,
      created_by: actor.id,
    });
    const disclosed = mayReadReason(s);
    s.record(event('legal_hold.create', row, disclosed));
    return present(row, disclosed ? crypto : undefined);
  });
}

export async function listHolds(
  deps: RetentionDeps,
  actor: Actor,
  page: PageRequest & { state?: string | undefined },
): Promise<Page<LegalHoldView>> {
  const state = checkHoldState(page.state);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'LegalHold');
    const disclosed = mayReadReason(s);
    const result = await paginate(repo.holdsIn(s.tx, state), 'legal_holds', page);
    const items: LegalHoldView[] = [];
    for (const row of result.items) {
      s.record(event('legal_hold.read', row, disclosed));
      items.push(await present(row, disclosed ? crypto : undefined));
    }
    return { items, nextCursor: result.nextCursor };
  });
}

export async function getHold(deps: RetentionDeps, actor: Actor, id: string): Promise<LegalHoldView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleHold(s, id);
    const disclosed = mayReadReason(s);
    s.record(event('legal_hold.read', row, disclosed));
    return present(row, disclosed ? crypto : undefined);
  });
}

/** Ends a hold: what it covered may be purged again once past retention. Releasing twice changes nothing. */
export async function releaseHold(deps: RetentionDeps, actor: Actor, id: string): Promise<LegalHoldView> {
  const crypto = await cryptoForRead(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleHold(s, id);
    s.assertCan('update', 'LegalHold', { id });
    const disclosed = mayReadReason(s);
    if (row.released_at !== null) {
      s.record(event('legal_hold.read', row, disclosed)); // nothing changed; it was shown
      return present(row, disclosed ? crypto : undefined);
    }
    await repo.lockTenantRetention(s.tx, actor.tenantId);
    const released = await repo.releaseHold(s.tx, id, actor.id);
    s.record(event('legal_hold.release', released, disclosed));
    return present(released, disclosed ? crypto : undefined);
  });
}
