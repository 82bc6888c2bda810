// Business Associate Agreements: the registry a tenant keeps of who may receive PHI on
// its behalf. Tenant admins and privacy officers manage it (policy); anything that sends
// PHI out of phidesk asks agreementInForce() at the moment of sending.
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import * as repo from './baa.repository.js';

export interface BaaView {
  id: string;
  counterparty: string;
  scope: string;
  effectiveOn: string;
  expiresOn: string | null;
  documentRef: string | null;
  terminatedAt: Date | null;
  /** in force now: effective, not expired, not terminated */
  inForce: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface BaaInput {
  counterparty: string;
  scope: string;
  effectiveOn: string;
  expiresOn?: string | null | undefined;
  documentRef?: string | null | undefined;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Whether an agreement is in force at `now` (dates are UTC calendar days; expiry is exclusive). */
export function inForceAt(
  row: { effective_on: string; expires_on: string | null; terminated_at: Date | null },
  now: Date,
): boolean {
  const day = today(now);
  return (
    row.effective_on <= day &&
    (row.expires_on === null || day < row.expires_on) &&
    (row.terminated_at === null || row.terminated_at > now)
  );
}

function present(row: repo.AgreementRow, now = new Date()): BaaView {
  return {
    id: row.id,
    counterparty: row.counterparty,
    scope: row.scope,
    effectiveOn: row.effective_on,
    expiresOn: row.expires_on,
    documentRef: row.document_ref,
    terminatedAt: row.terminated_at,
    inForce: inForceAt(row, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const limits = { counterparty: 200, scope: 1000, documentRef: 500 } as const;

/** The checks REST's schema makes, for GraphQL's plain strings too. */
function assertInput(input: Partial<BaaInput>): void {
  for (const field of ['effectiveOn', 'expiresOn'] as const) {
    const v = input[field];
    if (typeof v === 'string' && !isDay(v))
      throw new AppError('VALIDATION_FAILED', `${field} must be a date (YYYY-MM-DD).`, [
        { pointer: `/${field}`, detail: 'YYYY-MM-DD' },
      ]);
  }
  for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const v = input[field];
    if (typeof v === 'string' && (v.length < 1 || v.length > max))
      throw new AppError('VALIDATION_FAILED', `${field} must be 1..${max} characters.`, [
        { pointer: `/${field}`, detail: `1..${max} characters` },
      ]);
  }
}

function assertDates(effectiveOn: string, expiresOn: string | null): void {
  if (expiresOn !== null && expiresOn <= effectiveOn)
    throw new AppError('VALIDATION_FAILED', 'expiresOn must be after effectiveOn.', [
      { pointer: '/expiresOn', detail: 'after effectiveOn' },
    ]);
}

async function visibleAgreement(s: Scope, id: string): Promise<repo.AgreementRow> {
  s.assertCan('read', 'BusinessAssociateAgreement');
  const row = isUuid(id) ? await repo.getAgreement(s.tx, id) : undefined;
  if (!row) throw notFound('business associate agreement');
  return row;
}

const event = (action: 'baa.read' | 'baa.create' | 'baa.update', id: string) =>
  ({ action, resourceType: 'BusinessAssociateAgreement', resourceId: id, outcome: 'allowed' }) as const;

export async function listAgreements(deps: ServiceDeps, actor: Actor, page: PageRequest): Promise<Page<BaaView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'BusinessAssociateAgreement');
    const result = await paginate(repo.selectAgreements(s.tx), 'business_associate_agreements', page);
    for (const row of result.items) s.record(event('baa.read', row.id));
    return { items: result.items.map((r) => present(r)), nextCursor: result.nextCursor };
  });
}

export async function getAgreement(deps: ServiceDeps, actor: Actor, id: string): Promise<BaaView> {
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleAgreement(s, id);
    s.record(event('baa.read', id));
    return present(row);
  });
}

export async function createAgreement(deps: ServiceDeps, actor: Actor, input: BaaInput): Promise<BaaView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'BusinessAssociateAgreement');
    assertInput(input);
    const expiresOn = input.expiresOn ?? null;
    assertDates(input.effectiveOn, expiresOn);
    const row = await repo.insertAgreement(s.tx, {
      tenant_id: actor.tenantId,
      created_by: actor.id,
      counterparty: input.counterparty,
      scope: input.scope,
      effective_on: input.effectiveOn,
      expires_on: expiresOn,
      document_ref: input.documentRef ?? null,
    });
    s.record(event('baa.create', row.id));
    return present(row);
  });
}

export async function updateAgreement(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: Partial<BaaInput>,
): Promise<BaaView> {
  return inTenant(deps, actor, async (s) => {
    const row = await visibleAgreement(s, id);
    s.assertCan('update', 'BusinessAssociateAgreement', { id });
    assertInput(input);
    assertDates(
      input.effectiveOn ?? row.effective_on,
      input.expiresOn === undefined ? row.expires_on : input.expiresOn,
    );
    const updated = await repo.updateAgreement(s.tx, id, {
      ...(input.counterparty !== undefined ? { counterparty: input.counterparty } : {}),
      ...(input.scope !== undefined ? { scope: input.scope } : {}),
      ...(input.effectiveOn !== undefined ? { effective_on: input.effectiveOn } : {}),
      ...(input.expiresOn !== undefined ? { expires_on: input.expiresOn } : {}),
      ...(input.documentRef !== undefined ? { document_ref: input.documentRef } : {}),
    });
    s.record(event('baa.update', id));
    return present(updated);
  });
}

/** Ends an agreement now: PHI stops flowing under it with the next delivery. */
export async function terminateAgreement(deps: ServiceDeps, actor: Actor, id: string): Promise<BaaView> {
  return inTenant(deps, actor, async (s) => {
    const row = await visibleAgreement(s, id);
    s.assertCan('update', 'BusinessAssociateAgreement', { id });
    if (row.terminated_at !== null) return present(row);
    const updated = await repo.updateAgreement(s.tx, id, { terminated_at: new Date() });
    s.record(event('baa.update', id));
    return present(updated);
  });
}
