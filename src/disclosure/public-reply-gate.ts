// How the comments service applies the public-reply guard: an allowed reply goes on; any
// other verdict is refused as problem+json naming what is missing (never the body).
// "hold" is refused too until the supervisor hold queue exists (see README, Disclosure
// safeguards): a reply is never silently dropped, the caller always learns it did not go out.
import { AppError } from '../errors.js';
import type { Scope } from '../services/scope.js';
import { guardPublicReply } from './public-reply-guard.js';

export async function assertPublicReplyAllowed(
  scope: Scope,
  ticketId: string,
  requesterId: string | null,
  body: string,
  recipientContactIds: readonly string[] = [],
): Promise<void> {
  const decision = await guardPublicReply({
    scope,
    ticket: { id: ticketId, requesterId },
    recipientContactIds,
    body,
  });
  if (decision.verdict === 'allow') return;
  throw new AppError(
    'UNPROCESSABLE',
    decision.verdict === 'hold'
      ? 'This public reply needs a supervisor before it can go out; it was not sent.'
      : 'This public reply may not go out to its recipients; it was not sent.',
    decision.errors.length ? decision.errors : [{ pointer: '/body', detail: 'refused by a disclosure check' }],
  );
}
