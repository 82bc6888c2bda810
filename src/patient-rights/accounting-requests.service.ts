// Accounting of disclosures (45 CFR 164.528): a patient asks who their PHI was disclosed
// to. The request is due 60 days later, extendable once by 30 days with a reason (sealed);
// the report covers the six years before the request (up to when it is produced), lists
// each disclosure and shows the ones the rule leaves out with their 164.528(a)(1) reason.
// The first accounting in any 12 months is free; a later one is flagged chargeable.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { contactExists } from '../contacts/contacts.repository.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import * as repo from './accounting-requests.repository.js';
import { disclosuresInPeriod } from './disclosures.repository.js';
import { presentDisclosure, type DisclosureView } from './disclosures.service.js';
import {
  ACCOUNTING_DAYS,
  ACCOUNTING_EXTENSION_DAYS,
  ACCOUNTING_YEARS,
  FREE_ACCOUNTING_WINDOW_DAYS,
  addDays,
  assertOneOf,
  assertText,
  invalid,
  nowOf,
  timingFilters,
  timingOf,
  type PatientRightsDeps,
  type Timing,
  type TimingFilter,
} from './patient-rights.model.js';
import { accountingRequestsSealing as spec, openIn, sealIn } from './patient-rights.sealing.js';

export interface AccountingRequestView {
  id: string;
  contactId: string;
  status: string;
  requestedAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  extensionReason: string | null;
  timing: Timing;
  fulfilledAt: Date | null;
  /** not the first accounting for this patient in the 12 months before it was requested */
  chargeable: boolean;
  masked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface AccountingReport {
  requestId: string;
  contactId: string;
  periodStart: Date;
  periodEnd: Date;
  generatedAt: Date;
  chargeable: boolean;
  /** what the accounting lists */
  disclosures: DisclosureView[];
  /** what it leaves out, each with its reason */
  excluded: Array<{ id: string; disclosedAt: Date; source: string; purpose: string; exclusion: string }>;
}

async function present(s: Scope, crypto: TenantCrypto, row: repo.AccountingRequestRow, now: Date) {
  const phi = can(s.ability, 'read_phi', 'AccountingRequest');
  return {
    id: row.id,
    contactId: row.contact_id,
    status: row.status,
    requestedAt: row.requested_at,
    dueAt: row.due_at,
    extendedAt: row.extended_at,
    extensionReason: phi
      ? await openIn(crypto, spec, 'extension_reason_sealed', row.id, row.extension_reason_sealed)
      : null,
    timing: timingOf(row.status, row.due_at, now),
    fulfilledAt: row.fulfilled_at,
    chargeable: row.chargeable,
    masked: !phi,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } satisfies AccountingRequestView;
}

const event = (
  action:
    'accounting_request.open' | 'accounting_request.read' | 'accounting_request.extend' | 'accounting_request.fulfil',
  row: repo.AccountingRequestRow,
  phiFields: string[] = [],
) =>
  ({
    action,
    resourceType: 'AccountingRequest',
    resourceId: row.id,
    subjectContactId: row.contact_id,
    phiFields,
    outcome: 'allowed',
  }) as const;

async function visible(s: Scope, id: string, action: 'read' | 'update', forUpdate = false) {
  s.assertCan(action, 'AccountingRequest');
  const row = isUuid(id) ? await repo.getAccountingRequest(s.tx, id, { forUpdate }) : undefined;
  if (!row) throw notFound('accounting request');
  return row;
}

export async function openAccountingRequest(
  deps: PatientRightsDeps,
  actor: Actor,
  input: { contactId: string },
): Promise<AccountingRequestView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'AccountingRequest');
    if (typeof input.contactId !== 'string' || !isUuid(input.contactId)) throw invalid('contactId', 'must be a uuid');
    if (!(await contactExists(s.tx, input.contactId)))
      throw new AppError('UNPROCESSABLE', 'No such contact in this tenant.', [
        { pointer: '/contactId', detail: 'unknown contact' },
      ]);
    const now = nowOf(deps);
    const earlier = await repo.accountingsSince(s.tx, input.contactId, addDays(now, -FREE_ACCOUNTING_WINDOW_DAYS), now);
    const row = await repo.insertAccountingRequest(s.tx, {
      id: randomUUID(),
      tenant_id: actor.tenantId,
      contact_id: input.contactId,
      requested_at: now,
      due_at: addDays(now, ACCOUNTING_DAYS),
      chargeable: earlier > 0,
      key_version: crypto.activeVersion,
      created_by: actor.id,
    });
    s.record(event('accounting_request.open', row));
    return present(s, crypto, row, now);
  });
}

export async function getAccountingRequest(
  deps: PatientRightsDeps,
  actor: Actor,
  id: string,
): Promise<AccountingRequestView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visible(s, id, 'read');
    const phi = can(s.ability, 'read_phi', 'AccountingRequest') && row.extension_reason_sealed !== null;
    s.record(event('accounting_request.read', row, phi ? ['accounting_request.extension_reason'] : []));
    return present(s, crypto, row, nowOf(deps));
  });
}

export async function listAccountingRequests(
  deps: PatientRightsDeps,
  actor: Actor,
  filter: PageRequest & { timing?: string | undefined; contactId?: string | undefined },
): Promise<Page<AccountingRequestView>> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'AccountingRequest');
    if (filter.timing !== undefined) assertOneOf('timing', filter.timing, timingFilters);
    if (filter.contactId !== undefined && !isUuid(filter.contactId)) throw invalid('contactId', 'must be a uuid');
    const now = nowOf(deps);
    const query = repo.selectAccountingRequests(
      s.tx,
      { timing: filter.timing as TimingFilter | undefined, contactId: filter.contactId },
      now,
    );
    const page = await paginate(query, 'accounting_requests', filter);
    const phi = can(s.ability, 'read_phi', 'AccountingRequest');
    const items = [];
    for (const row of page.items) {
      s.record(
        event(
          'accounting_request.read',
          row,
          phi && row.extension_reason_sealed ? ['accounting_request.extension_reason'] : [],
        ),
      );
      items.push(await present(s, crypto, row, now));
    }
    return { items, nextCursor: page.nextCursor };
  });
}

export async function extendAccountingRequest(
  deps: PatientRightsDeps,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<AccountingRequestView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visible(s, id, 'update', true);
    s.assertCan('update', 'AccountingRequest', { id });
    assertText('reason', input.reason, 2000, true);
    if (row.status !== 'open') throw new AppError('CONFLICT', `This accounting request is already ${row.status}.`);
    if (row.extended_at !== null) throw new AppError('CONFLICT', 'An accounting request can be extended only once.');
    const now = nowOf(deps);
    const updated = await repo.updateAccountingRequest(s.tx, id, {
      due_at: addDays(row.due_at, ACCOUNTING_EXTENSION_DAYS),
      extended_at: now,
      extension_reason_sealed: sealIn(crypto, spec, 'extension_reason_sealed', id, input.reason),
      key_version: crypto.activeVersion,
    });
    s.record(event('accounting_request.extend', row, ['accounting_request.extension_reason']));
    return present(s, crypto, updated, now);
  });
}

async function buildReport(
  s: Scope,
  crypto: TenantCrypto,
  row: repo.AccountingRequestRow,
  now: Date,
): Promise<AccountingReport> {
  const periodEnd = row.fulfilled_at ?? now;
  const periodStart = new Date(row.requested_at);
  periodStart.setUTCFullYear(periodStart.getUTCFullYear() - ACCOUNTING_YEARS);
  const rows = await disclosuresInPeriod(s.tx, row.contact_id, periodStart, periodEnd);
  const phi = can(s.ability, 'read_phi', 'Disclosure');
  const disclosures: DisclosureView[] = [];
  const excluded: AccountingReport['excluded'] = [];
  for (const d of rows) {
    if (d.exclusion === null) disclosures.push(await presentDisclosure(crypto, d, phi));
    else
      excluded.push({
        id: d.id,
        disclosedAt: d.disclosed_at,
        source: d.source,
        purpose: d.purpose,
        exclusion: d.exclusion,
      });
  }
  return {
    requestId: row.id,
    contactId: row.contact_id,
    periodStart,
    periodEnd,
    generatedAt: now,
    chargeable: row.chargeable,
    disclosures,
    excluded,
  };
}

const reportFields = (s: Scope) =>
  can(s.ability, 'read_phi', 'Disclosure')
    ? ['disclosure.recipient', 'disclosure.recipient_address', 'disclosure.description']
    : [];

/** The report as it stands (as of now while open; as produced once fulfilled). */
export async function accountingReport(deps: PatientRightsDeps, actor: Actor, id: string): Promise<AccountingReport> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visible(s, id, 'read');
    s.assertCan('read', 'Disclosure');
    s.record(event('accounting_request.read', row, reportFields(s)));
    return buildReport(s, crypto, row, nowOf(deps));
  });
}

/** Produces the accounting and closes the request. */
export async function fulfilAccountingRequest(
  deps: PatientRightsDeps,
  actor: Actor,
  id: string,
): Promise<AccountingReport> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visible(s, id, 'update', true);
    s.assertCan('update', 'AccountingRequest', { id });
    s.assertCan('read', 'Disclosure');
    if (row.status !== 'open') throw new AppError('CONFLICT', `This accounting request is already ${row.status}.`);
    const now = nowOf(deps);
    const updated = await repo.updateAccountingRequest(s.tx, id, { status: 'fulfilled', fulfilled_at: now });
    s.record(event('accounting_request.fulfil', row, reportFields(s)));
    return buildReport(s, crypto, updated, now);
  });
}
