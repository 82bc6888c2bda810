// Recording an incident's risk assessment (164.402(2)): the four factors' codes in plain,
// the officer's notes sealed as one JSON value (re-sealed whole on every change).
import type { Actor } from '../auth/actor.js';
import type { Sealed } from '../crypto/sealed.js';
import { inTenant } from '../services/scope.js';
import { cryptoForWrite } from '../services/seal-failures.js';
import * as repo from './incidents.repository.js';
import {
  NOTES_FIELD,
  assertDiscovery,
  notesPlace,
  nowOf,
  openNotes,
  present,
  visibleIncident,
  type IncidentDeps,
  type IncidentView,
} from './incident-view.service.js';
import { initialRiskFactors, joinRisk, mergeRisk, splitRisk, type RiskInput } from './risk-assessment.js';

export async function updateIncident(
  deps: IncidentDeps,
  actor: Actor,
  id: string,
  input: RiskInput & { status?: 'open' | 'closed' | undefined; discoveredAt?: Date | undefined },
): Promise<IncidentView> {
  const crypto = await cryptoForWrite(deps, actor);
  if (input.discoveredAt) assertDiscovery(input.discoveredAt, nowOf(deps));
  return inTenant(deps, actor, async (s) => {
    const row = await visibleIncident(s, id);
    s.assertCan('update', 'Incident', { id });
    const { status, discoveredAt, ...risk } = input;
    const touchesNotes = Object.values(risk).some((f) => typeof f === 'object' && f !== null && 'note' in f);
    // merging notes needs the current ones: only someone who may read them may change them
    if (touchesNotes || row.risk_notes_sealed !== null) s.assertCan('read_phi', 'Incident', { id });
    const current =
      row.risk_notes_sealed === null
        ? joinRisk(row.risk_assessment, null)
        : joinRisk(row.risk_assessment, await openNotes(crypto, row));
    const next = mergeRisk(
      Object.keys(row.risk_assessment).length === 0 ? { ...initialRiskFactors, ...current } : current,
      risk,
    );
    const { codes, notes } = splitRisk(next);
    const sealed: Sealed<string> | null = notes === null ? null : crypto.seal(notesPlace(id), notes);
    const updated = await repo.updateIncident(s.tx, id, {
      risk_assessment: JSON.stringify(codes),
      risk_notes_sealed: sealed,
      key_version: crypto.activeVersion,
      ...(status ? { status } : {}),
      ...(discoveredAt ? { discovered_at: discoveredAt } : {}),
    });
    s.record({
      action: 'incident.update',
      resourceType: 'Incident',
      resourceId: id,
      phiFields: touchesNotes ? [NOTES_FIELD] : [],
      outcome: 'allowed',
    });
    return present(s, crypto, updated);
  });
}
