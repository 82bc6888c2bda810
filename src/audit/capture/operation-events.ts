// One audit event per operation: the events a use case records for the records it
// touched (one per record read or written) become one event naming them all, grouped by
// what was done to them (FHIR AuditEvent `entity`, IHE ATNA participant objects). A list
// of 20 contacts is one event with one group of 20, not 20 events. Refusals, failures and
// events about no single record stay events of their own: each says something different.
// An operation too large for one event is split into parts, chained one after another,
// so no record is ever left out of the trail.
import type { AuditEventInput } from '../../services/audit-port.js';
import { isCanonicalUuid } from '../../ids.js';
import type { AuditEntityGroup, AuditEventPart } from './event.js';
import { MAX_ENTITIES_PER_EVENT } from './event-validation.js';

/** An event input, or the entity groups of several merged into one. */
export interface OperationEvent {
  input: AuditEventInput;
  entities?: AuditEntityGroup[] | undefined;
  part?: AuditEventPart | undefined;
}

function mergeable(input: AuditEventInput): boolean {
  return (
    input.outcome === 'allowed' &&
    input.reasonCode === undefined &&
    input.breakGlassReason === undefined &&
    isCanonicalUuid(input.resourceId)
  );
}

function patientOf(input: AuditEventInput): string | null {
  if (input.subjectContactId !== undefined && isCanonicalUuid(input.subjectContactId)) return input.subjectContactId;
  return input.resourceType === 'Contact' ? input.resourceId! : null;
}

/** Groups by (action, type, PHI fields), in first-seen order; a record twice in a group counts once. */
function groupEntities(inputs: readonly AuditEventInput[]): AuditEntityGroup[] {
  const groups = new Map<string, AuditEntityGroup & { seen: Set<string> }>();
  for (const input of inputs) {
    const phiFields = [...(input.phiFields ?? [])];
    const key = `${input.action}\n${input.resourceType}\n${phiFields.join('\n')}`;
    let group = groups.get(key);
    if (!group) {
      group = { action: input.action, type: input.resourceType, phiFields, ids: [], contactIds: [], seen: new Set() };
      groups.set(key, group);
    }
    const id = input.resourceId!;
    if (group.seen.has(id)) continue;
    group.seen.add(id);
    group.ids.push(id);
    group.contactIds.push(patientOf(input));
  }
  return [...groups.values()].map(({ seen: _seen, ...group }) => group);
}

/** Cuts groups into runs of at most `max` records, splitting a group where it must. */
function chunk(groups: readonly AuditEntityGroup[], max: number): AuditEntityGroup[][] {
  const chunks: AuditEntityGroup[][] = [[]];
  let room = max;
  for (const group of groups) {
    for (let at = 0; at < group.ids.length;) {
      if (room === 0) {
        chunks.push([]);
        room = max;
      }
      const take = Math.min(room, group.ids.length - at);
      chunks[chunks.length - 1]!.push({
        ...group,
        ids: group.ids.slice(at, at + take),
        contactIds: group.contactIds.slice(at, at + take),
      });
      at += take;
      room -= take;
    }
  }
  return chunks;
}

function unionOf(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}

/** The event that stands for several records: the first one's action and kind, every PHI field named. */
function operationEvent(first: AuditEventInput, groups: AuditEntityGroup[]): AuditEventInput {
  const ids = new Set(groups.flatMap((g) => g.ids));
  const patients = new Set(groups.flatMap((g) => g.contactIds).filter((id) => id !== null));
  return {
    action: first.action,
    resourceType: first.resourceType,
    // one record touched several ways (updated, then read back) keeps its id
    resourceId: ids.size === 1 ? [...ids][0] : undefined,
    phiFields: unionOf(groups.map((g) => g.phiFields)),
    subjectContactId: patients.size === 1 ? [...patients][0]! : undefined,
    outcome: 'allowed',
  };
}

/** The events one operation's inputs become, in the order they were recorded. */
export function operationEvents(
  inputs: readonly AuditEventInput[],
  maxEntities = MAX_ENTITIES_PER_EVENT,
): OperationEvent[] {
  const merged = inputs.filter(mergeable);
  if (merged.length <= 1) return inputs.map((input) => ({ input }));
  const chunks = chunk(groupEntities(merged), maxEntities);
  const parts = chunks.map((groups, index): OperationEvent => ({
    input: operationEvent(merged[0]!, groups),
    entities: groups,
    part: chunks.length > 1 ? { index: index + 1, count: chunks.length } : undefined,
  }));
  const out: OperationEvent[] = [];
  let placed = false;
  for (const input of inputs) {
    if (!mergeable(input)) out.push({ input });
    else if (!placed) {
      out.push(...parts);
      placed = true;
    }
  }
  return out;
}
