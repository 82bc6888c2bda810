// Ticket use cases, the only way in for REST and GraphQL alike: policy-filtered in SQL,
// PHI sealed at rest and opened only for read_phi, every read and write audited with the
// requester (the patient/contact) as subject, Idempotency-Key and optimistic concurrency.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import type { TicketChannel, TicketPriority, TicketStatus, TicketType } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { policyWhere } from '../policy/sql.js';
import { can, inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import { announceChange } from '../services/announce.service.js';
import { computeDue } from './sla.js';
import {
  assertTransition,
  checkTicketInput,
  normaliseTags,
  splitCustomFields,
  type ExternalRef,
} from './ticket-rules.js';
import {
  disclosedFields,
  onlyOpened,
  presentOpenedTicket,
  presentTicket,
  type TicketPhi,
  type TicketView,
} from './ticket-view.js';
import { claimIdempotencyKey, createdByThisCaller } from './idempotency.service.js';
import {
  checkTicketId,
  openable,
  policyRecord,
  ticketEvent,
  ticketReadWhere,
  ticketView,
} from './ticket-access.service.js';
import * as repo from './tickets.repository.js';
import { isUuid } from '../ids.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';

export interface TicketsDeps extends ServiceDeps {
  keyring: Keyring;
}

export interface CreateTicketInput {
  subject: string;
  description?: string | undefined;
  status?: TicketStatus | undefined;
  priority?: TicketPriority | undefined;
  type?: TicketType | undefined;
  channel?: TicketChannel | undefined;
  requesterId?: string | undefined;
  assigneeId?: string | undefined;
  groupId?: string | undefined;
  tags?: string[] | undefined;
  customFields?: Record<string, unknown> | undefined;
  externalRefs?: ExternalRef[] | undefined;
}

/** JSON merge patch: absent = unchanged, null = cleared (where a field may be empty). */
export type TicketPatch = Partial<{
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  assigneeId: string | null;
  groupId: string | null;
  requesterId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  externalRefs: ExternalRef[] | null;
}>;

function assertReferences(found: repo.WriteContext['references']): void {
  const missing = [!found.contact && '/requesterId', !found.user && '/assigneeId', !found.group && '/groupId'].filter(
    Boolean,
  ) as string[];
  if (missing.length)
    throw new AppError(
      'UNPROCESSABLE',
      'A referenced record does not exist.',
      missing.map((path) => ({ pointer: path, detail: 'no such record in this tenant' })),
    );
}

function dueTimes(policy: repo.SlaPolicy | null, start: Date) {
  if (!policy) return { first_response_due_at: null, resolution_due_at: null };
  const due = computeDue(start, {
    firstResponseMinutes: policy.first_response_minutes,
    resolutionMinutes: policy.resolution_minutes,
    businessHours: policy.business_hours,
  });
  return { first_response_due_at: due.firstResponseDueAt, resolution_due_at: due.resolutionDueAt };
}

export async function createTicket(
  deps: TicketsDeps,
  actor: Actor,
  input: CreateTicketInput,
  opts: { idempotencyKey?: string | undefined } = {},
): Promise<{ ticket: TicketView; replayed: boolean }> {
  checkTicketInput(input);
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    // Someone who may file tickets only about themself (a requester) implies their own
    // contact; staff name the requester or file a ticket about nobody.
    const mayFileForNobody = can(s.ability, 'create', 'Ticket', { requesterId: null });
    const requesterId = input.requesterId ?? (mayFileForNobody ? undefined : actor.contactId) ?? null;
    // Every field the caller set must be one its role may set (field-level rules: triage
    // fields such as assigneeId or priority are staff's call, not the patient's).
    for (const field of Object.keys(input) as Array<keyof CreateTicketInput>) {
      if (input[field] !== undefined) s.assertCan('create', 'Ticket', { requesterId }, field);
    }
    s.assertCan('create', 'Ticket', { requesterId });
    const id = randomUUID();
    const firstId = opts.idempotencyKey
      ? await claimIdempotencyKey(s, opts.idempotencyKey, 'ticket.create', input, id)
      : undefined;
    if (firstId) {
      // The key proves this caller created the ticket: it gets the first result back even if
      // it may not read tickets otherwise (a create-only integration retrying), masked unless
      // it may read PHI, as the first response was. Gone since (deleted) is NOT_FOUND.
      const row = await repo.getTicket(s.tx, firstId, createdByThisCaller);
      if (!row) throw notFound('ticket');
      return { ticket: await ticketView(s, crypto, row), replayed: true };
    }
    const priority = input.priority ?? 'normal';
    // One round trip for every lookup: the references, the priority's SLA policy, and the
    // custom-field definitions (only when the input has custom fields).
    const context = await repo.writeContext(s.tx, {
      refs: { contactId: requesterId, userId: input.assigneeId, groupId: input.groupId },
      slaPriority: priority,
      definitions: Object.keys(input.customFields ?? {}).length > 0,
    });
    assertReferences(context.references);
    const { plain, phi } = splitCustomFields(input.customFields ?? {}, context.definitions);
    const status = input.status ?? 'new';
    if (status === 'closed')
      throw new AppError('UNPROCESSABLE', 'A ticket cannot be created closed.', [
        { pointer: '/status', detail: 'new, open, pending, on_hold or solved' },
      ]);
    const now = new Date();
    const tags = normaliseTags(input.tags ?? []);
    const assigneeId = input.assigneeId ?? null;
    const groupId = input.groupId ?? null;
    const ticketPhi: TicketPhi = {
      subject: input.subject,
      description: input.description ?? null,
      phiCustomFields: phi,
      externalRefs: input.externalRefs ?? [],
    };
    // the ticket and its 'created' timeline row go in one statement
    const row = await repo.insertTicket(
      s.tx,
      crypto,
      {
        id,
        tenant_id: actor.tenantId,
        created_by: actor.id,
        status,
        priority,
        type: input.type ?? 'question',
        channel: input.channel ?? 'api',
        requester_id: requesterId,
        assignee_id: assigneeId,
        group_id: groupId,
        tags,
        custom_fields: plain,
        first_responded_at: null,
        solved_at: status === 'solved' ? now : null,
        ...dueTimes(context.sla, now),
      },
      ticketPhi,
      {
        tenant_id: actor.tenantId,
        actor_id: actor.id,
        type: 'created',
        changes: { status, priority, assigneeId, groupId, tags },
      },
    );
    s.record(ticketEvent('ticket.create', row, disclosedFields(ticketPhi)));
    await announceChange(s, 'ticket.created', { ticketId: row.id, status: row.status });
    const mayRead = can(s.ability, 'read_phi', 'Ticket', policyRecord(row));
    // the echo of what the caller sent, trimmed to its minimum-necessary list like any read
    const ticket = mayRead ? presentOpenedTicket(row, ticketPhi, openable(s, row)) : presentTicket(row, null);
    return { ticket, replayed: false };
  });
}

export async function getTicket(deps: TicketsDeps, actor: Actor, id: string): Promise<TicketView> {
  checkTicketId(id);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await repo.getTicket(s.tx, id, ticketReadWhere(s));
    if (!row) throw await s.notVisible('read', 'Ticket', id, () => repo.ticketExists(s.tx, id));
    return ticketView(s, crypto, row);
  });
}

/** For GraphQL loaders: many tickets in one query, each audited; ids not visible are absent. */
export async function getTicketsByIds(
  deps: TicketsDeps,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, TicketView>> {
  const valid = ids.filter(isUuid);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Ticket', repo.ticketPolicyColumns);
    if (!where) return new Map();
    const rows = await repo.getTicketsByIds(s.tx, valid, where);
    const out = new Map<string, TicketView>();
    for (const row of rows) out.set(row.id, await ticketView(s, crypto, row));
    return out;
  });
}

export async function updateTicket(
  deps: TicketsDeps,
  actor: Actor,
  id: string,
  patch: TicketPatch,
  expectedVersion?: number,
): Promise<TicketView> {
  checkTicketId(id);
  checkTicketInput(patch);
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await repo.getTicket(s.tx, id, ticketReadWhere(s), { forUpdate: true });
    if (!row) throw await s.notVisible('update', 'Ticket', id, () => repo.ticketExists(s.tx, id));
    s.assertCan('update', 'Ticket', policyRecord(row));
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError('PRECONDITION_FAILED', 'The ticket was changed by someone else; reload it and retry.');
    }
    const touchesPhi = ['subject', 'description', 'customFields', 'externalRefs'].some((k) => k in patch);
    // Merging PHI needs the current PHI, and so read_phi; a masked caller may change only non-PHI fields.
    if (touchesPhi) s.assertCan('read_phi', 'Ticket', policyRecord(row));
    // closed is final: not its status only, the whole ticket (a follow-up is a new ticket)
    if (row.status === 'closed')
      throw new AppError('UNPROCESSABLE', 'A closed ticket cannot be changed; open a follow-up ticket instead.', [
        { pointer: '/status', detail: 'the ticket is closed' },
      ]);
    const status = patch.status ?? row.status;
    assertTransition(row.status, status);
    const priority = patch.priority ?? row.priority;
    // a reference set (not cleared) must exist in the tenant
    const refs = { userId: patch.assigneeId, groupId: patch.groupId, contactId: patch.requesterId };
    const refsSet = Object.values(refs).some(Boolean);
    // SLA clocks follow the priority: a re-prioritised ticket gets the new targets from its creation time
    const slaPriority = priority !== row.priority ? priority : undefined;
    // whatever needs looking up (definitions: for any PHI merge, as before), in one round trip, or none
    const context =
      refsSet || touchesPhi || slaPriority
        ? await repo.writeContext(s.tx, { refs, slaPriority, definitions: touchesPhi })
        : undefined;
    if (context) assertReferences(context.references);
    const defs = context?.definitions ?? [];
    const current = touchesPhi ? await repo.openTicket(crypto, row) : null;
    const split = patch.customFields ? splitCustomFields(patch.customFields, defs) : { plain: {}, phi: {} };
    const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
    const nextPhi: TicketPhi | null = current
      ? {
          subject: patch.subject ?? current.subject,
          description: patch.description !== undefined ? patch.description : current.description,
          phiCustomFields: drop({ ...current.phiCustomFields, ...split.phi }),
          externalRefs: patch.externalRefs !== undefined ? (patch.externalRefs ?? []) : current.externalRefs,
        }
      : null;
    const now = new Date();
    const state: repo.TicketState = {
      status,
      priority,
      type: patch.type ?? row.type,
      channel: row.channel,
      requester_id: patch.requesterId !== undefined ? patch.requesterId : row.requester_id,
      assignee_id: patch.assigneeId !== undefined ? patch.assigneeId : row.assignee_id,
      group_id: patch.groupId !== undefined ? patch.groupId : row.group_id,
      tags: patch.tags ? normaliseTags(patch.tags) : row.tags,
      custom_fields: drop({ ...row.custom_fields, ...split.plain }),
      first_responded_at: row.first_responded_at,
      solved_at: status === 'solved' && row.status !== 'solved' ? now : status === 'open' ? null : row.solved_at,
      ...(slaPriority
        ? dueTimes(context!.sla, row.created_at)
        : { first_response_due_at: row.first_response_due_at, resolution_due_at: row.resolution_due_at }),
    };
    // the update and its timeline row (when something visible changed) go in one statement
    const changes = timelineChanges(row, state, patch);
    const event =
      Object.keys(changes).length > 0
        ? { tenant_id: actor.tenantId, actor_id: actor.id, type: 'updated', changes }
        : null;
    const updated = await repo.updateTicket(s.tx, crypto, row, state, nextPhi, event);
    const written = (['subject', 'description', 'customFields', 'externalRefs'] as const).filter((f) => f in patch);
    s.record(ticketEvent('ticket.update', updated, written));
    await announceChange(s, 'ticket.updated', { ticketId: updated.id, status: updated.status });
    if (updated.status === 'solved' && row.status !== 'solved')
      await announceChange(s, 'ticket.solved', { ticketId: updated.id });
    if (!can(s.ability, 'read_phi', 'Ticket', policyRecord(updated))) return presentTicket(updated, null);
    const opened = openable(s, updated);
    const phi = nextPhi ? onlyOpened(nextPhi, opened) : await repo.openTicketFields(crypto, updated, opened);
    s.record(ticketEvent('ticket.read', updated, disclosedFields(phi)));
    return presentOpenedTicket(updated, phi, opened);
  });
}

/**
 * Non-PHI changes with from/to values; PHI changes by field name only. `after` is the state
 * being written, so the timeline row can be written by the same statement as the update.
 */
function timelineChanges(before: repo.TicketRow, after: repo.TicketState, patch: TicketPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pairs: Array<[string, unknown, unknown]> = [
    ['status', before.status, after.status],
    ['priority', before.priority, after.priority],
    ['type', before.type, after.type],
    ['assigneeId', before.assignee_id, after.assignee_id],
    ['groupId', before.group_id, after.group_id],
    ['requesterId', before.requester_id, after.requester_id],
  ];
  for (const [k, from, to] of pairs) if (from !== to) out[k] = { from, to };
  if (before.tags.join() !== after.tags.join())
    out['tags'] = {
      added: after.tags.filter((t) => !before.tags.includes(t)),
      removed: before.tags.filter((t) => !after.tags.includes(t)),
    };
  const phiChanged = (['subject', 'description', 'customFields', 'externalRefs'] as const).filter((f) => f in patch);
  if (phiChanged.length) out['fieldsChanged'] = phiChanged;
  return out;
}

export async function deleteTicket(
  deps: TicketsDeps,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  checkTicketId(id);
  return inTenant(deps, actor, async (s) => {
    const row = await repo.getTicket(s.tx, id, ticketReadWhere(s), { forUpdate: true });
    if (!row) throw await s.notVisible('delete', 'Ticket', id, () => repo.ticketExists(s.tx, id));
    s.assertCan('delete', 'Ticket', policyRecord(row));
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError('PRECONDITION_FAILED', 'The ticket was changed by someone else; reload it and retry.');
    }
    await repo.softDeleteTicket(s.tx, id);
    await repo.insertTicketEvent(s.tx, {
      tenant_id: actor.tenantId,
      ticket_id: id,
      actor_id: actor.id,
      type: 'deleted',
      changes: {},
    });
    s.record(ticketEvent('ticket.delete', row, []));
  });
}
