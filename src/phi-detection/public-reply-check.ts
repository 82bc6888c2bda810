// PHI detection as a public-reply check (src/disclosure/public-reply-guard.ts): the
// tenant's settings decide what a finding does to the reply.
//   block  -> refuse (problem+json naming each finding's kind and position)
//   hold   -> hold for a supervisor
//   redact -> allow, the findings replaced by [KIND] in the body that is stored and sent
//   warn   -> allow unchanged
// Every finding is audited (phi_detection.finding: kind, position, count; never the
// value), and a refused or held reply's event is kept although its transaction rolls
// back. The ticket's patient (its requester, a contact) and the reply's recipients are
// the contacts whose own identifiers the reply may quote.
import type { PublicReplyCheck, PublicReplyCheckResult } from '../disclosure/public-reply-guard.js';
import { detectionIsOff, findingErrors, findingsReason, scanOutgoing } from './outgoing-scan.js';

export const phiDetectionCheck: PublicReplyCheck = async (ctx): Promise<PublicReplyCheckResult> => {
  const { scope } = ctx;
  const settings = ctx.settings.phiDetection;
  if (detectionIsOff(settings)) return { verdict: 'allow' };
  const crypto = ctx.crypto;
  // Without the tenant's crypto no blind index can be computed: the value pass is skipped
  // (the patterns still run); the comments service always passes it.
  const effective = crypto ? settings : { ...settings, otherPatientAction: 'off' as const };
  const scan = await scanOutgoing(ctx.body, effective, {
    db: scope.tx,
    tenantId: scope.actor.tenantId,
    index: (table, column, kind) => crypto!.blindIndexer(table, column, kind),
    allowedContactIds: [...(ctx.ticket.requesterId ? [ctx.ticket.requesterId] : []), ...ctx.recipientContactIds],
    prefetched: ctx.settings.valueLookup,
  });
  if (scan.action === 'off') return { verdict: 'allow' };
  const stopped = scan.action === 'block' || scan.action === 'hold';
  scope.recordKept({
    action: 'phi_detection.finding',
    resourceType: 'Ticket',
    resourceId: ctx.ticket.id,
    subjectContactId: ctx.ticket.requesterId ?? undefined,
    outcome: stopped ? 'denied' : 'allowed',
    reasonCode: findingsReason('public_reply', scan),
  });
  if (scan.action === 'block') return { verdict: 'refuse', errors: findingErrors('/body', scan) };
  if (scan.action === 'hold') return { verdict: 'hold', errors: findingErrors('/body', scan) };
  if (scan.action === 'redact') return { verdict: 'allow', redactedBody: scan.redacted! };
  return { verdict: 'allow' };
};
