// Text for `phidesk audit verify`: a summary a privacy officer can read, and the
// caveats that decide how much an "OK" is worth.

import type { SignedCheckpoint, TenantVerification, VerificationReport } from '../audit/index.js';

export interface ReportContext {
  file: string;
  keyIds: string[];
  checkpointCount: number;
}

function shortHash(hash: string): string {
  return hash.slice(0, 16) + '…';
}

function coverage(tenant: TenantVerification): string {
  if (tenant.checkpointsVerified === 0) return 'no checkpoint verified';
  const tail =
    tenant.headSeq > tenant.checkpointedSize
      ? `; ${tenant.checkpointedSize + 1}..${tenant.headSeq} by the chain alone`
      : '';
  return `${tenant.checkpointsVerified} checkpoint(s) verified, covering 1..${tenant.checkpointedSize}${tail}`;
}

function tenantLines(tenant: TenantVerification): string[] {
  const head = `head seq ${tenant.headSeq} ${shortHash(tenant.headHash)}`;
  if (tenant.findings.length === 0) {
    return [`  tenant ${tenant.tenantId}: ok, ${tenant.checked} events, ${head}, ${coverage(tenant)}`];
  }
  const lines = [
    `  tenant ${tenant.tenantId}: DAMAGED; ${tenant.checked} events hash and link correctly (${head}), ${tenant.checkpointsVerified} checkpoint(s) verified`,
  ];
  for (const finding of tenant.findings) {
    const where = finding.seq === undefined ? '' : ` at seq ${finding.seq}`;
    lines.push(`    ${finding.damage}${where}: ${finding.detail}`);
  }
  return lines;
}

export function formatHumanReport(report: VerificationReport, context: ReportContext): string {
  const damaged = report.tenants.filter((tenant) => tenant.findings.length > 0).length;
  const verdict = report.ok ? 'OK' : `DAMAGE FOUND in ${damaged} of ${report.tenants.length} tenant(s)`;
  const lines = [
    `audit verify: ${verdict}`,
    `  export ${context.file}: ${report.events} events, ${report.tenants.length} tenant(s)`,
    `  checkpoints: ${context.checkpointCount}; trusted key(s): ${context.keyIds.join(', ')}`,
    ...report.tenants.flatMap(tenantLines),
  ];
  return lines.join('\n') + '\n';
}

/** Conditions that leave damage undetectable even when the report says ok. */
export function reportWarnings(
  report: VerificationReport,
  checkpoints: readonly SignedCheckpoint[] | undefined,
): string[] {
  const warnings: string[] = [];
  if (report.events === 0) warnings.push('the export holds no events');
  if (checkpoints === undefined) {
    warnings.push('no --checkpoints given: a cut tail or a chain recomputed after an edit cannot be detected');
    return warnings;
  }
  const withCheckpoints = new Set(checkpoints.map((checkpoint) => checkpoint.tenantId));
  for (const tenant of report.tenants) {
    if (!withCheckpoints.has(tenant.tenantId)) {
      warnings.push(
        `tenant ${tenant.tenantId} has no signed checkpoint: a cut tail or a recomputed chain cannot be detected`,
      );
    }
  }
  return warnings;
}
