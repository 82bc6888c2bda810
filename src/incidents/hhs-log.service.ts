// The HHS breach log (164.408(c)): breaches affecting fewer than 500 individuals are logged
// and submitted to HHS within 60 days after the end of the calendar year of discovery. This
// exports one calendar year's incidents as CSV, one row per incident: dates, counts and the
// risk-assessment codes, never a patient or a note (the notes are sealed free text).
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { readInTenant, type ServiceDeps } from '../services/scope.js';
import * as repo from './incidents.repository.js';
import { HHS_IMMEDIATE_THRESHOLD } from './breach-deadlines.js';
import { joinRisk } from './risk-assessment.js';

const header = [
  'incident_id',
  'discovered_at',
  'breach_start',
  'breach_end',
  'affected_count',
  'hhs_notice',
  'status',
  'conclusion',
  'phi_categories',
  'recipient_kind',
  'acquired_or_viewed',
  'mitigation',
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading formula character is neutralised. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function exportHhsLog(deps: ServiceDeps, actor: Actor, year: number): Promise<string> {
  if (!Number.isInteger(year) || year < 2009 || year > 9999)
    throw new AppError('VALIDATION_FAILED', 'year must be a calendar year from 2009.', [
      { parameter: 'year', detail: '2009..9999' },
    ]);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Incident');
    const rows = await repo.incidentsDiscoveredBetween(
      s.tx,
      new Date(Date.UTC(year, 0, 1)),
      new Date(Date.UTC(year + 1, 0, 1)),
    );
    const lines = [header.join(',')];
    for (const r of rows) {
      const risk = joinRisk(r.risk_assessment, null);
      lines.push(
        [
          r.id,
          r.discovered_at.toISOString(),
          r.scope_from.toISOString(),
          r.scope_to.toISOString(),
          String(r.affected_count),
          r.affected_count >= HHS_IMMEDIATE_THRESHOLD ? 'immediate' : 'annual_log',
          r.status,
          risk.conclusion,
          risk.natureAndExtent.categories.join(' '),
          risk.unauthorizedRecipient.kind,
          risk.acquiredOrViewed.status,
          risk.mitigation.extent,
        ]
          .map(field)
          .join(','),
      );
    }
    s.record({
      action: 'incident.log_export',
      resourceType: 'Incident',
      resourceId: undefined,
      reasonCode: `year:${year} rows:${rows.length}`,
      outcome: 'allowed',
    });
    return `${lines.join('\r\n')}\r\n`;
  });
}
