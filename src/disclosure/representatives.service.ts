// Personal representatives (164.502(g)): a contact who may act for a patient, with a
// relationship and a scope from fixed lists and the calendar days (UTC) it is effective:
// from effective_from, until effective_to (exclusive) or open-ended. The recipient check
// asks representativesOf() at the moment a reply goes out.
import type { Actor } from '../auth/actor.js';
import {
  representativeRelationships,
  representativeScopes,
  type RepresentativeRelationship,
  type RepresentativeScope,
} from '../db/tables/disclosure.js';
import type { Tx } from '../db/tenant-tx.js';
import { AppError, notFound, type ErrorDetail } from '../errors.js';
import { isUuid } from '../ids.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import { assertContactExists } from './verifications.service.js';
import * as repo from './representatives.repository.js';

export interface RepresentativeView {
  id: string;
  patientContactId: string;
  representativeContactId: string;
  relationship: RepresentativeRelationship;
  scope: RepresentativeScope;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** effective today (UTC) */
  effective: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface RepresentativeInput {
  patientContactId: string;
  representativeContactId: string;
  relationship: string;
  scope: string;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
}
export type RepresentativePatch = Partial<
  Pick<RepresentativeInput, 'relationship' | 'scope' | 'effectiveFrom' | 'effectiveTo'>
>;

type Row = repo.RepresentativeRow;

const today = (now: Date) => now.toISOString().slice(0, 10);
const effectiveAt = (row: { effective_from: string; effective_to: string | null }, now: Date) =>
  row.effective_from <= today(now) && (row.effective_to === null || today(now) < row.effective_to);

function present(row: Row, now = new Date()): RepresentativeView {
  return {
    id: row.id,
    patientContactId: row.patient_contact_id,
    representativeContactId: row.representative_contact_id,
    relationship: row.relationship,
    scope: row.scope,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    effective: effectiveAt(row, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The patient's representatives effective at `now` (the recipient check's question). */
export async function representativesOf(
  tx: Tx,
  patientContactId: string,
  now: Date = new Date(),
): Promise<{ representativeContactId: string; scope: RepresentativeScope }[]> {
  const rows = await repo.selectRepresentatives(tx, patientContactId).execute();
  return rows
    .filter((r) => effectiveAt(r, now))
    .map((r) => ({ representativeContactId: r.representative_contact_id, scope: r.scope }));
}

const isDay = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** The checks REST's schema makes, for GraphQL's plain strings too. */
function problemsOf(input: Partial<RepresentativeInput>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (
    input.relationship !== undefined &&
    !(representativeRelationships as readonly string[]).includes(input.relationship)
  )
    problems.push({
      pointer: '/relationship',
      detail: 'must be one of the allowed relationships',
      allowed: representativeRelationships,
    });
  if (input.scope !== undefined && !(representativeScopes as readonly string[]).includes(input.scope))
    problems.push({ pointer: '/scope', detail: 'must be one of the allowed scopes', allowed: representativeScopes });
  if (input.effectiveFrom !== undefined && !isDay(input.effectiveFrom))
    problems.push({ pointer: '/effectiveFrom', detail: 'YYYY-MM-DD' });
  if (input.effectiveTo !== undefined && input.effectiveTo !== null && !isDay(input.effectiveTo))
    problems.push({ pointer: '/effectiveTo', detail: 'YYYY-MM-DD' });
  return problems;
}

function assertValid(input: Partial<RepresentativeInput>, from: string, to: string | null): void {
  const problems = problemsOf(input);
  if (!problems.length && to !== null && to <= from)
    problems.push({ pointer: '/effectiveTo', detail: 'after effectiveFrom' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The personal representative is invalid.', problems);
}

type Action =
  | 'personal_representative.read'
  | 'personal_representative.create'
  | 'personal_representative.update'
  | 'personal_representative.delete';
const event = (action: Action, row: { id: string; patient_contact_id: string }) =>
  ({
    action,
    resourceType: 'PersonalRepresentative',
    resourceId: row.id,
    subjectContactId: row.patient_contact_id,
    outcome: 'allowed',
  }) as const;

async function visible(s: Scope, id: string, forUpdate = false): Promise<Row> {
  const row = isUuid(id) ? await repo.getRepresentative(s.tx, id, { forUpdate }) : undefined;
  if (!row) throw notFound('personal representative');
  return row;
}

export async function listRepresentatives(
  deps: ServiceDeps,
  actor: Actor,
  filter: { patientContactId?: string | undefined },
  page: PageRequest,
): Promise<Page<RepresentativeView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'PersonalRepresentative');
    if (filter.patientContactId !== undefined && !isUuid(filter.patientContactId))
      throw new AppError('VALIDATION_FAILED', 'patientContactId must be a uuid.', [
        { parameter: 'patientContactId', detail: 'must be a uuid' },
      ]);
    const result = await paginate(
      repo.selectRepresentatives(s.tx, filter.patientContactId),
      'personal_representatives',
      page,
    );
    for (const row of result.items) s.record(event('personal_representative.read', row));
    return { items: result.items.map((r) => present(r)), nextCursor: result.nextCursor };
  });
}

export async function getRepresentative(deps: ServiceDeps, actor: Actor, id: string): Promise<RepresentativeView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'PersonalRepresentative');
    const row = await visible(s, id);
    s.record(event('personal_representative.read', row));
    return present(row);
  });
}

export async function createRepresentative(
  deps: ServiceDeps,
  actor: Actor,
  input: RepresentativeInput,
): Promise<RepresentativeView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'PersonalRepresentative');
    assertValid(input, input.effectiveFrom, input.effectiveTo ?? null);
    if (input.patientContactId === input.representativeContactId)
      throw new AppError('VALIDATION_FAILED', 'A patient is not their own personal representative.', [
        { pointer: '/representativeContactId', detail: 'must differ from patientContactId' },
      ]);
    await assertContactExists(s, input.patientContactId, '/patientContactId');
    await assertContactExists(s, input.representativeContactId, '/representativeContactId');
    const row = await repo.insertRepresentative(s.tx, {
      tenant_id: actor.tenantId,
      patient_contact_id: input.patientContactId,
      representative_contact_id: input.representativeContactId,
      relationship: input.relationship as RepresentativeRelationship,
      scope: input.scope as RepresentativeScope,
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo ?? null,
      created_by: actor.id,
    });
    s.record(event('personal_representative.create', row));
    return present(row);
  });
}

export async function updateRepresentative(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: RepresentativePatch,
): Promise<RepresentativeView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'PersonalRepresentative');
    const row = await visible(s, id, true);
    assertValid(
      patch,
      patch.effectiveFrom ?? row.effective_from,
      patch.effectiveTo === undefined ? row.effective_to : patch.effectiveTo,
    );
    const updated = await repo.updateRepresentative(s.tx, row.id, {
      ...(patch.relationship !== undefined ? { relationship: patch.relationship as RepresentativeRelationship } : {}),
      ...(patch.scope !== undefined ? { scope: patch.scope as RepresentativeScope } : {}),
      ...(patch.effectiveFrom !== undefined ? { effective_from: patch.effectiveFrom } : {}),
      ...(patch.effectiveTo !== undefined ? { effective_to: patch.effectiveTo } : {}),
    });
    s.record(event('personal_representative.update', row));
    return present(updated);
  });
}

export async function deleteRepresentative(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('delete', 'PersonalRepresentative');
    const row = await visible(s, id, true);
    await repo.deleteRepresentative(s.tx, row.id);
    s.record(event('personal_representative.delete', row));
  });
}
