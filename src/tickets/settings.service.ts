// Per-tenant ticket settings: SLA policies by priority and typed custom-field definitions.
import type { Actor } from '../auth/actor.js';
import type { BusinessHours, CustomFieldType, TicketPriority } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { inTenant, type ServiceDeps } from '../services/scope.js';
import { addWorkingMinutes, MAX_SLA_DAYS } from './sla.js';
import * as repo from './settings.repository.js';

export interface SlaPolicyView {
  priority: TicketPriority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  businessHours: BusinessHours | null;
  updatedAt: Date;
}
export interface FieldDefinitionView {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[] | null;
  phi: boolean;
  createdAt: Date;
}

export async function listSlaPolicies(deps: ServiceDeps, actor: Actor): Promise<SlaPolicyView[]> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Tenant');
    return (await repo.listSlaPolicies(s.tx)).map((p) => ({
      priority: p.priority,
      firstResponseMinutes: p.first_response_minutes,
      resolutionMinutes: p.resolution_minutes,
      businessHours: p.business_hours,
      updatedAt: p.updated_at,
    }));
  });
}

function checkBusinessHours(bh: BusinessHours | null, longestTargetMinutes: number): void {
  if (!bh) return;
  const bad = (message: string) =>
    new AppError('VALIDATION_FAILED', 'businessHours is invalid.', [{ pointer: '/businessHours', detail: message }]);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: bh.timezone });
  } catch {
    throw bad('unknown time zone');
  }
  if (!bh.days.length || bh.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw bad('days are ISO weekdays 1..7');
  if (!/^\d{2}:\d{2}$/.test(bh.start) || !/^\d{2}:\d{2}$/.test(bh.end) || bh.start >= bh.end)
    throw bad('start and end are HH:MM with start before end');
  // proves the calendar has enough working time for the targets (due times are finite and correct)
  try {
    addWorkingMinutes(new Date(), longestTargetMinutes, bh);
  } catch {
    throw bad(`the targets do not fit in ${MAX_SLA_DAYS} days of these business hours`);
  }
}

export async function putSlaPolicy(
  deps: ServiceDeps,
  actor: Actor,
  priority: TicketPriority,
  input: { firstResponseMinutes: number; resolutionMinutes: number; businessHours?: BusinessHours | null | undefined },
): Promise<SlaPolicyView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    if (input.firstResponseMinutes > input.resolutionMinutes)
      throw new AppError('VALIDATION_FAILED', 'The first response target cannot be later than resolution.', [
        { pointer: '/firstResponseMinutes', detail: 'must not exceed resolutionMinutes' },
      ]);
    checkBusinessHours(input.businessHours ?? null, input.resolutionMinutes);
    await repo.upsertSlaPolicy(s.tx, {
      tenant_id: actor.tenantId,
      priority,
      first_response_minutes: input.firstResponseMinutes,
      resolution_minutes: input.resolutionMinutes,
      business_hours: input.businessHours ?? null,
    });
    s.record({ action: 'sla_policy.put', resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' });
    return {
      priority,
      firstResponseMinutes: input.firstResponseMinutes,
      resolutionMinutes: input.resolutionMinutes,
      businessHours: input.businessHours ?? null,
      updatedAt: new Date(),
    };
  });
}

export async function deleteSlaPolicy(deps: ServiceDeps, actor: Actor, priority: TicketPriority): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const r = await repo.deleteSlaPolicy(s.tx, priority);
    if (Number(r.numDeletedRows) === 0) throw notFound('SLA policy');
    s.record({ action: 'sla_policy.delete', resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' });
  });
}

export async function listFieldDefinitions(deps: ServiceDeps, actor: Actor): Promise<FieldDefinitionView[]> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Ticket');
    return (await repo.listFieldDefinitions(s.tx)).map((d) => ({
      id: d.id,
      key: d.key,
      label: d.label,
      type: d.type,
      options: d.options,
      phi: d.phi,
      createdAt: d.created_at,
    }));
  });
}

export async function createFieldDefinition(
  deps: ServiceDeps,
  actor: Actor,
  input: { key: string; label: string; type: CustomFieldType; options?: string[] | undefined; phi: boolean },
): Promise<FieldDefinitionView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    if ((input.type === 'enum') !== (input.options !== undefined && input.options.length > 0)) {
      throw new AppError('VALIDATION_FAILED', 'options are required for enum fields and only for them.', [
        { pointer: '/options', detail: 'enum needs options' },
      ]);
    }
    const row = await repo.insertFieldDefinition(s.tx, {
      tenant_id: actor.tenantId,
      key: input.key,
      label: input.label,
      type: input.type,
      options: input.options ?? null,
      phi: input.phi,
    });
    if (!row) throw new AppError('CONFLICT', 'A custom field with this key exists.');
    s.record({ action: 'custom_field.create', resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' });
    return {
      id: row.id,
      key: row.key,
      label: row.label,
      type: row.type,
      options: row.options,
      phi: row.phi,
      createdAt: row.created_at,
    };
  });
}
