// An incident's affected patients, straight from the audit trail: every patient an event in
// its scope touched, with the operations and PHI field names involved (never values), how
// many events touched them, and when first and last. Pure: the service feeds it events.
import type { AuditEvent } from '../audit/index.js';
import { patientTouches } from './patient-touches.js';

export interface AffectedPatient {
  contactId: string;
  actions: string[];
  phiFields: string[];
  events: number;
  firstAt: Date;
  lastAt: Date;
}

export class AffectedPatients {
  private readonly byContact = new Map<
    string,
    { actions: Set<string>; fields: Set<string>; events: Set<number>; firstAt: Date; lastAt: Date }
  >();

  add(event: AuditEvent): void {
    const at = new Date(event.occurredAt);
    for (const t of patientTouches(event)) {
      let p = this.byContact.get(t.contactId);
      if (!p) {
        p = { actions: new Set(), fields: new Set(), events: new Set(), firstAt: at, lastAt: at };
        this.byContact.set(t.contactId, p);
      }
      p.actions.add(t.action);
      for (const f of t.phiFields) p.fields.add(f);
      p.events.add(event.seq);
      if (at < p.firstAt) p.firstAt = at;
      if (at > p.lastAt) p.lastAt = at;
    }
  }

  list(): AffectedPatient[] {
    return [...this.byContact.entries()]
      .map(([contactId, p]) => ({
        contactId,
        actions: [...p.actions].sort(),
        phiFields: [...p.fields].sort(),
        events: p.events.size,
        firstAt: p.firstAt,
        lastAt: p.lastAt,
      }))
      .sort((a, b) => (a.contactId < b.contactId ? -1 : 1));
  }
}
