// An incident's breach assessment, computed when asked: the notification deadlines
// (breach-deadlines.ts, from the discovery date and the affected count; media notice from
// the affected patients' states, read from their sealed addresses when the caller may read
// them) and the encryption safe-harbour check (safe-harbour.ts). Opening the addresses is a
// read of PHI, audited as such; only per-state counts leave, never an address.
import type { Actor } from '../auth/actor.js';
import { can, readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead } from '../services/seal-failures.js';
import { sealedTables } from '../keys/sealed-tables.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Sealed } from '../crypto/sealed.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import * as repo from './incidents.repository.js';
import { breachDeadlines, type Deadline } from './breach-deadlines.js';
import { safeHarbour, type SafeHarbourReport } from './safe-harbour.js';
import type { IncidentDeps } from './incidents.service.js';

export interface BreachAssessmentView {
  incidentId: string;
  discoveredAt: Date;
  affectedCount: number;
  residentsByState: Record<string, number>;
  /** affected patients whose state is not known (no address, no US state code, or not readable by the caller) */
  stateUnknown: number;
  businessAssociate: boolean;
  deadlines: Array<Omit<Deadline, 'states'> & { states: string[] | null }>;
  safeHarbour: SafeHarbourReport;
}

const sealedFieldNames = new Set(sealedTables.flatMap((t) => Object.values(t.fieldNames).flat()));
const US_STATE = /^[A-Z]{2}$/;

async function statesOf(
  s: Scope,
  crypto: TenantCrypto,
  contactIds: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (!can(s.ability, 'read_phi', 'Contact')) return counts;
  const rows = await repo.contactAddresses(s.tx, contactIds);
  for (const row of rows) {
    if (row.address === null) continue;
    const text = await crypto.open(
      { table: 'contacts', column: 'address', rowId: row.id },
      row.address as Sealed<string>,
    );
    s.record({
      action: 'contact.read',
      resourceType: 'Contact',
      resourceId: row.id,
      subjectContactId: row.id,
      phiFields: ['contact.address'],
      outcome: 'allowed',
    });
    const region = (JSON.parse(text) as { region?: unknown }).region;
    const code = typeof region === 'string' ? region.trim().toUpperCase() : '';
    if (US_STATE.test(code)) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

export async function getBreachAssessment(
  deps: IncidentDeps,
  actor: Actor,
  id: string,
  options: { businessAssociate?: boolean | undefined },
): Promise<BreachAssessmentView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Incident');
    const incident = isUuid(id) ? await repo.getIncident(s.tx, id) : undefined;
    if (!incident) throw notFound('incident');
    const patients = await repo.allAffectedPatients(s.tx, id);
    if (patients.length !== incident.affected_count)
      throw new AppError('CONFLICT', 'The incident changed while it was being assessed; try again.');
    s.record({ action: 'incident.read', resourceType: 'Incident', resourceId: id, outcome: 'allowed' });
    const residentsByState = await statesOf(
      s,
      crypto,
      patients.map((p) => p.contact_id),
    );
    const businessAssociate = options.businessAssociate ?? false;
    const deadlines = breachDeadlines({
      discoveredAt: incident.discovered_at,
      affectedCount: incident.affected_count,
      residentsByState,
      businessAssociate,
    }).map((d) => ({ ...d, states: d.states ?? null }));
    return {
      incidentId: id,
      discoveredAt: incident.discovered_at,
      affectedCount: incident.affected_count,
      residentsByState,
      stateUnknown: incident.affected_count - Object.values(residentsByState).reduce((a, b) => a + b, 0),
      businessAssociate,
      deadlines,
      safeHarbour: safeHarbour({
        phiFields: patients.flatMap((p) => p.phi_fields),
        sealedFieldNames,
        tenantStatus: await repo.tenantStatus(s.tx, actor.tenantId),
      }),
    };
  });
}
