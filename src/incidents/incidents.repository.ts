// Incidents in SQL: the audit events an incident's scope covers (one actor or API key over a
// window), the incident rows and their affected patients. Runs in the tenant's transaction.
import type { Tx } from '../db/tenant-tx.js';
import type { IncidentPatientsTable } from '../db/tables/incidents.js';
import type { Sealed } from '../crypto/sealed.js';
import { storedEventColumns } from '../audit/audit.repository.js';
import type { StoredEventRow } from '../audit/index.js';

/** Allowed events in [from, to], of one actor (a user or an API key: both are actor ids) or of all (null), in seq order. */
export async function actorEventsBetween(
  tx: Tx,
  actorId: string | null,
  from: Date,
  to: Date,
  afterSeq: number,
  limit: number,
): Promise<StoredEventRow[]> {
  return (await tx
    .selectFrom('audit_events')
    .select(storedEventColumns)
    .$if(actorId !== null, (q) => q.where('actor_id', '=', actorId!))
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<=', to)
    .where('outcome', '=', 'allowed')
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute()) as StoredEventRow[];
}

const incidentColumns = [
  'incidents.id',
  'incidents.discovered_at',
  'incidents.source_finding_id',
  'incidents.scope_actor_id',
  'incidents.scope_session_id',
  'incidents.scope_from',
  'incidents.scope_to',
  'incidents.status',
  'incidents.risk_assessment',
  'incidents.risk_notes_sealed',
  'incidents.affected_count',
  'incidents.created_by',
  'incidents.created_at',
  'incidents.updated_at',
] as const;

export function selectIncidents(tx: Tx) {
  return tx.selectFrom('incidents').select(incidentColumns);
}

export async function getIncident(tx: Tx, id: string) {
  return selectIncidents(tx).where('incidents.id', '=', id).executeTakeFirst();
}

export type IncidentRow = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

export async function insertIncident(
  tx: Tx,
  row: {
    id: string;
    tenant_id: string;
    discovered_at: Date;
    source_finding_id: string | null;
    scope_actor_id: string | null;
    scope_session_id: string | null;
    scope_from: Date;
    scope_to: Date;
    affected_count: number;
    created_by: string;
  },
): Promise<IncidentRow> {
  await tx.insertInto('incidents').values(row).execute();
  return (await getIncident(tx, row.id))!;
}

/** One affected patient as inserted: the table's row without its timestamp (the database sets it). */
export type AffectedPatientRow = Omit<IncidentPatientsTable, 'created_at'>;

export async function insertAffectedPatients(tx: Tx, rows: readonly AffectedPatientRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('incident_patients')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export function selectAffectedPatients(tx: Tx, incidentId: string) {
  return tx
    .selectFrom('incident_patients')
    .select([
      'incident_patients.id',
      'incident_patients.contact_id',
      'incident_patients.actions',
      'incident_patients.phi_fields',
      'incident_patients.events',
      'incident_patients.first_at',
      'incident_patients.last_at',
    ])
    .where('incident_patients.incident_id', '=', incidentId);
}

export async function updateIncident(
  tx: Tx,
  id: string,
  patch: {
    risk_assessment?: string;
    risk_notes_sealed?: Sealed<string> | null;
    key_version?: number;
    status?: 'open' | 'closed';
    discovered_at?: Date;
  },
): Promise<IncidentRow> {
  await tx
    .updateTable('incidents')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getIncident(tx, id))!;
}

/** Every affected patient of an incident (ids, fields), for its assessment. */
export async function allAffectedPatients(tx: Tx, incidentId: string) {
  return tx
    .selectFrom('incident_patients')
    .select(['contact_id', 'actions', 'phi_fields'])
    .where('incident_id', '=', incidentId)
    .execute();
}

/** The sealed addresses of contacts (their state decides media notice, 164.406). */
export async function contactAddresses(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('contacts')
    .select(['id', 'address'])
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
}

export async function tenantStatus(tx: Tx, tenantId: string): Promise<string | undefined> {
  return (await tx.selectFrom('tenants').select('status').where('id', '=', tenantId).executeTakeFirst())?.status;
}

/** Incidents discovered in [from, to), oldest first (the HHS yearly log). */
export async function incidentsDiscoveredBetween(tx: Tx, from: Date, to: Date) {
  return selectIncidents(tx)
    .where('incidents.discovered_at', '>=', from)
    .where('incidents.discovered_at', '<', to)
    .orderBy('incidents.discovered_at')
    .orderBy('incidents.id')
    .execute();
}

/** The sealed name and address of contacts (for notification letters). */
export async function contactNamesAndAddresses(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('contacts')
    .select(['id', 'name', 'address'])
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
}
