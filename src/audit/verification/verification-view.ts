// What a verification answers: the tenant's chain report (seq 1 to the head, earlier
// walks included) and what this verification itself read, where it started and why a
// stored position was not used. GET /v1/audit/verify returns it; a job keeps it as its result.
import { keyIdOf } from '../checkpoint/signing-key.js';
import type { TenantVerification } from '../export/verify.js';

export interface VerifiedFrom {
  seq: number;
  checkpointTreeSize: number;
  verifiedAt: string;
  /** 'request' or the id of the verification job that got there */
  verifiedBy: string;
}

export interface AuditVerificationView extends TenantVerification {
  ok: boolean;
  /** captured but not yet chained: durable, and covered by verification once chained */
  pending: { count: number; oldestAgeSeconds: number | null };
  keyIds: string[];
  checkpoints: number;
  /** set when the checkpoint store could not be read as checkpoints (itself evidence) */
  checkpointStoreProblem: string | null;
  retentionYears: number;
  verifiedAt: string;
  /** the verified position this verification started from (null: from seq 1) */
  startedFrom: VerifiedFrom | null;
  /** why a stored position was not used (null when none was stored, or it was used) */
  positionProblem: string | null;
  /** seqs this verification read, null when there was nothing new */
  checkedRange: { fromSeq: number; toSeq: number } | null;
  /** events this verification checked (`checked` also counts the verified prefix) */
  eventsChecked: number;
  /** signed checkpoints this verification matched (`checkpointsVerified` counts them all) */
  newCheckpointsVerified: number;
  /** false when the walk stopped at its limit before the head: `uncheckedEvents` remain */
  complete: boolean;
  uncheckedEvents: number;
}

/** Where a walk started: the position it trusted, or why none was used. */
export interface StartContext {
  startedFrom: VerifiedFrom | null;
  positionProblem: string | null;
  /** the event verified at the old position no longer has its hash: damage, unless the walk finds it itself */
  brokenAt: number | undefined;
}

/** The walk as a view needs it (verification.service.ts WalkResult). */
export interface WalkOutcome {
  report: TenantVerification;
  walker: { eventsChecked: number; checkpointsChecked: number };
  fromSeq: number;
  complete: boolean;
}

/** The answer of a verification (GET /v1/audit/verify, and a job's result). */
export function viewOf(
  deps: { publicKeys: readonly Uint8Array[]; retentionYears: number },
  result: WalkOutcome,
  context: StartContext & {
    pending: AuditVerificationView['pending'];
    checkpoints: number;
    checkpointStoreProblem: string | null;
    headSeq: number;
  },
): AuditVerificationView {
  const { report, walker, fromSeq } = result;
  const start = context;
  const findings = [...report.findings];
  // the event verified at the old position changed, and this walk stopped short of it
  if (start.brokenAt !== undefined && report.headSeq < start.brokenAt && findings.length === 0) {
    findings.push({
      damage: 'checkpoint_mismatch',
      seq: 1,
      lastSuspectSeq: start.brokenAt,
      checkpointTreeSize: start.brokenAt,
      detail: `seq ${start.brokenAt} no longer has the hash it had when it was verified against the signed checkpoint at tree size ${start.brokenAt}`,
    });
  }
  const first = findings[0];
  return {
    ...report,
    ...(first && report.damage === undefined
      ? { damage: first.damage, ...(first.seq !== undefined ? { firstBadSeq: first.seq } : {}) }
      : {}),
    findings,
    ok: findings.length === 0 && context.checkpointStoreProblem === null,
    pending: context.pending,
    keyIds: deps.publicKeys.map(keyIdOf),
    checkpoints: context.checkpoints,
    checkpointStoreProblem: context.checkpointStoreProblem,
    retentionYears: deps.retentionYears,
    verifiedAt: new Date().toISOString(),
    startedFrom: start.startedFrom,
    positionProblem: start.positionProblem,
    checkedRange:
      report.headSeq > fromSeq || walker.eventsChecked > 0 ? { fromSeq: fromSeq + 1, toSeq: report.headSeq } : null,
    eventsChecked: walker.eventsChecked,
    newCheckpointsVerified: walker.checkpointsChecked,
    complete: result.complete,
    uncheckedEvents: Math.max(0, context.headSeq - report.headSeq),
  };
}
