// The one gate every public reply passes before it is stored or sent (internal notes never
// come here). It runs a list of checks with one signature and combines their verdicts:
// any "refuse" refuses, else any "hold" holds, else the reply is allowed. Each refusing or
// holding check names what is missing as problem `errors` entries, never the PHI itself
// (no body text, no recipient names: pointers and fixed phrases only).
//
// To add a check (e.g. PHI detection), write a PublicReplyCheck and add it to
// publicReplyChecks below: one entry, nothing else changes.
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { ReplyTopic } from '../db/tables/disclosure.js';
import type { ErrorDetail } from '../errors.js';
import { phiDetectionCheck } from '../phi-detection/public-reply-check.js';
import { recipientCheck } from './recipient-check.js';
import type { Scope } from '../services/scope.js';
import type { OutboundSettings } from './outbound-settings.service.js';

/** What a check may look at: the reply about to go out, in the caller's transaction. */
export interface PublicReplyContext {
  /** The caller's tenant-scoped transaction (RLS applies); checks read through it only. */
  scope: Scope;
  ticket: {
    id: string;
    /** The ticket's requester (a contact id): the patient, the reply's first recipient. */
    requesterId: string | null;
  };
  /**
   * Recipients of the reply besides the ticket's requester (who always receives it): the
   * contact ids named in the optional `recipients: [contactId]` of the public reply input,
   * in its order (the pointer `/recipients/<i>` of an error entry indexes that list; the
   * requester's pointer is `/requester`).
   */
  recipientContactIds: readonly string[];
  /** What the reply is about, as its author declared (`topic`); a representative's scope must cover it. */
  topic?: ReplyTopic | null | undefined;
  /** The reply's plaintext body. Checks read it; none may log, audit or quote it. */
  body: string;
  /** The tenant's crypto, for checks that compute blind indexes (PHI detection by value). */
  crypto?: TenantCrypto | undefined;
  /** The tenant's disclosure and PHI detection settings, read once for all checks. */
  settings: OutboundSettings;
}

export type PublicReplyVerdict = 'allow' | 'hold' | 'refuse';

export interface PublicReplyCheckResult {
  verdict: PublicReplyVerdict;
  /** Why (for hold and refuse): what is missing, with pointers; never the PHI. */
  errors?: ErrorDetail[];
  /** With "allow": the body to send instead (PHI detection's "redact"); later checks see it. */
  redactedBody?: string;
}

/** One check: reads the context, returns a verdict. Must not write, log or audit the body. */
export type PublicReplyCheck = (ctx: PublicReplyContext) => Promise<PublicReplyCheckResult>;

export interface PublicReplyDecision {
  verdict: PublicReplyVerdict;
  errors: ErrorDetail[];
  /** the body that may go out: the input's, or a check's redaction of it */
  body: string;
}

/** The checks every public reply passes, in order. Add an entry to add a check. */
export const publicReplyChecks: PublicReplyCheck[] = [phiDetectionCheck, recipientCheck];

const severity: Record<PublicReplyVerdict, number> = { allow: 0, hold: 1, refuse: 2 };

/** Runs every check (so the caller learns all that is missing at once) and combines them. */
export async function guardPublicReply(
  ctx: PublicReplyContext,
  checks: readonly PublicReplyCheck[] = publicReplyChecks,
): Promise<PublicReplyDecision> {
  let verdict: PublicReplyVerdict = 'allow';
  const errors: ErrorDetail[] = [];
  let body = ctx.body;
  for (const check of checks) {
    const result = await check({ ...ctx, body });
    if (severity[result.verdict] > severity[verdict]) verdict = result.verdict;
    if (result.verdict !== 'allow') errors.push(...(result.errors ?? []));
    else if (result.redactedBody !== undefined) body = result.redactedBody;
  }
  return { verdict, errors, body };
}
