// Which patients one audit event touched, and how: the one reading of the trail that both
// the activity-review detectors (how many patients' records an actor touched) and an
// incident's affected-patient list (who, by which operations, which fields) rely on.
// A multi-record event names each record's patient in its entity groups (a ticket names
// its requester); a single-record event names it in subjectContactId.
import type { AuditEvent } from '../audit/index.js';

export interface PatientTouch {
  contactId: string;
  /** what was done, e.g. 'contact.read' (an entity group's own action) */
  action: string;
  /** PHI field names shown or written; never values */
  phiFields: readonly string[];
}

export function patientTouches(event: AuditEvent): PatientTouch[] {
  const out: PatientTouch[] = [];
  for (const group of event.entities ?? []) {
    for (const contactId of group.contactIds) {
      if (contactId !== null) out.push({ contactId, action: group.action, phiFields: group.phiFields });
    }
  }
  const subject = event.subjectContactId;
  if (subject && !out.some((t) => t.contactId === subject))
    out.push({ contactId: subject, action: event.action, phiFields: event.phiFields });
  return out;
}

/** Distinct patients an event touched (what the detectors count as "records"). */
export function patientCount(event: AuditEvent): number {
  return new Set(patientTouches(event).map((t) => t.contactId)).size;
}
