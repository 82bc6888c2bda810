// How the comments service applies the public-reply guard: an allowed reply goes on (with
// the guard's body: a check may have redacted it); a refused one is 422 problem+json naming
// what is missing (never the body); a held one is handed back for the caller to put in the
// supervisor hold queue (held-replies.service.ts) instead of writing the comment.
import { AppError, type ErrorDetail } from '../errors.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { ReplyTopic } from '../db/tables/disclosure.js';
import type { Scope } from '../services/scope.js';
import { guardPublicReply } from './public-reply-guard.js';
import { outboundSettingsOf } from './outbound-settings.service.js';
import { holdPublicReply, type HeldReplyView } from './held-replies.service.js';
import { SealError } from '../crypto/index.js';
import { valueCandidates } from '../phi-detection/value-candidates.js';
import { hashValueCandidates } from '../phi-detection/value-lookup.js';

export interface PublicReplyDraft {
  ticketId: string;
  requesterId: string | null;
  body: string;
  recipientContactIds?: readonly string[] | undefined;
  topic?: ReplyTopic | null | undefined;
  crypto?: TenantCrypto | undefined;
}

export type ScreenedReply =
  { verdict: 'allow'; body: string } | { verdict: 'hold'; body: string; errors: ErrorDetail[] };

const atLeastOne = (errors: ErrorDetail[]) =>
  errors.length ? errors : [{ pointer: '/body', detail: 'stopped by a disclosure check' }];

/** Beyond this many candidates, hashing ahead costs more than the round trip it saves. */
const MAX_CANDIDATES_AHEAD = 64;

/**
 * The body's value candidates, hashed before the settings are read, so that PHI detection's
 * lookup rides on the settings' statement (no round trip of its own). Done for every public
 * reply with the tenant's crypto, whether or not the tenant's check is on (a scan and a
 * few hashes: bench/RESULTS.md); the server skips the lookup when the check is off. A
 * reply dense with identifiers is not hashed ahead, so a tenant whose check is off never
 * pays for that; with the check on, the check then looks them up itself.
 */
export async function hashedAhead(body: string, crypto: TenantCrypto | undefined) {
  if (!crypto) return undefined;
  const candidates = valueCandidates(body);
  if (candidates.length > MAX_CANDIDATES_AHEAD) return undefined;
  try {
    const hashed = await hashValueCandidates((t, c, k) => crypto.blindIndexer(t, c, k), candidates);
    return { text: body, hashed };
  } catch (e) {
    // a tenant without a blind-index key: the check does its own lookup (and reports that)
    if (e instanceof SealError) return undefined;
    throw e;
  }
}

/** Runs the guard: throws on refuse, returns allow (with the body to send) or hold. */
export async function screenPublicReply(scope: Scope, draft: PublicReplyDraft): Promise<ScreenedReply> {
  const lookup = await hashedAhead(draft.body, draft.crypto);
  const decision = await guardPublicReply({
    scope,
    ticket: { id: draft.ticketId, requesterId: draft.requesterId },
    recipientContactIds: draft.recipientContactIds ?? [],
    topic: draft.topic ?? null,
    body: draft.body,
    crypto: draft.crypto,
    settings: await outboundSettingsOf(scope.tx, scope.actor.tenantId, lookup),
  });
  if (decision.verdict === 'allow') return { verdict: 'allow', body: decision.body };
  if (decision.verdict === 'hold') return { verdict: 'hold', body: decision.body, errors: atLeastOne(decision.errors) };
  throw new AppError(
    'UNPROCESSABLE',
    'This public reply may not go out to its recipients; it was not sent.',
    atLeastOne(decision.errors),
  );
}

/** For callers with no hold queue: a held reply is refused too (it never silently goes out). */
export async function assertPublicReplyAllowed(
  scope: Scope,
  ticketId: string,
  requesterId: string | null,
  body: string,
  recipientContactIds: readonly string[] = [],
  crypto?: TenantCrypto,
): Promise<string> {
  const screened = await screenPublicReply(scope, { ticketId, requesterId, body, recipientContactIds, crypto });
  if (screened.verdict === 'allow') return screened.body;
  throw new AppError(
    'UNPROCESSABLE',
    'This public reply needs a supervisor before it can go out; it was not sent.',
    screened.errors,
  );
}

/**
 * For the comments service: allow (with the body to send), refuse (throws), or hold, in
 * which case the reply is put in the supervisor hold queue under `id` (the id its comment
 * gets if released) within the caller's transaction.
 */
export async function screenOrHold(
  scope: Scope,
  crypto: TenantCrypto,
  id: string,
  draft: Omit<PublicReplyDraft, 'crypto' | 'recipientContactIds'> & { recipients: readonly string[] },
): Promise<{ verdict: 'allow'; body: string } | { verdict: 'held'; held: HeldReplyView }> {
  const recipientContactIds = draft.recipients;
  const screened = await screenPublicReply(scope, { ...draft, recipientContactIds, crypto });
  if (screened.verdict === 'allow') return screened;
  const held = await holdPublicReply(scope, crypto, {
    id,
    ticketId: draft.ticketId,
    requesterId: draft.requesterId,
    recipientContactIds,
    topic: draft.topic ?? null,
    body: screened.body,
    reasons: screened.errors,
  });
  return { verdict: 'held', held };
}
