// "Every resolver is gated": each REST route declares either `public: true` or the
// policy it needs (`policy: { action, subject }`); a route with neither stops start-up.
// The declared policy is checked before validation and the handler (coarse: can this actor ever
// do this?); the service then checks the specific record. GraphQL fields do the same
// through gateResolvers (src/graphql/gate.ts).
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from '../errors.js';
import { refusalMessage } from '../policy/refusal.js';
import { defineAbilityFor, type Action, type SubjectType } from '../policy/ability.js';
import type { Actor } from '../auth/actor.js';
import { isUuid } from '../ids.js';

export interface RoutePolicy {
  action: Action;
  subject: SubjectType;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the ability the route needs, or 'authenticated' for routes about the caller itself */
    policy?: RoutePolicy | 'authenticated';
  }
}

/** Records a denial by a route's or field's declared policy (164.312(b): denied attempts are audited too). */
export type DenialRecorder = (actor: Actor, policy: RoutePolicy, resourceId: string | undefined) => Promise<void>;

/**
 * The record a denial event names: the record of the policy's subject that the refused
 * request names, as the allowed events of the same operations do. For Tenant policies that
 * is the caller's tenant (an issuer's or SLA policy's id is not a Tenant's); otherwise the
 * `:id` of a path whose collection is the subject (/tickets/:id for Ticket, not
 * /tickets/:id/comments for Comment, where it is a ticket's) or, in GraphQL, the `id` or
 * `<subject>Id` argument (`groupId` for Group). The gate runs before validation, so the
 * value is the caller's free text: only a UUID is recorded, lowercased as stored ids are.
 */
export function deniedResourceId(
  actor: Actor,
  policy: RoutePolicy,
  named: { url: string; params: unknown } | { args: unknown },
): string | undefined {
  if (policy.subject === 'Tenant') return actor.tenantId;
  let id: unknown;
  if ('url' in named) {
    const segments = named.url.split('/');
    const at = segments.indexOf(':id');
    const collection = at > 0 ? segments[at - 1]!.replace(/-/g, '').toLowerCase() : '';
    const subject = policy.subject.toLowerCase();
    // plural as English spells it: tickets, held-replies
    if (collection === subject || collection === `${subject}s` || collection === subject.replace(/y$/, 'ies'))
      id = (named.params as Record<string, unknown> | undefined)?.['id'];
  } else {
    const args = named.args as Record<string, unknown> | undefined;
    id = args?.['id'] ?? args?.[`${policy.subject[0]!.toLowerCase()}${policy.subject.slice(1)}Id`];
  }
  return isUuid(id) ? id.toLowerCase() : undefined;
}

export function enforceRouteDeclarations(app: FastifyInstance, recordDenial?: DenialRecorder): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    // Plugins that mark their routes public do so in their own scope, after this hook ran:
    // the check is deferred to onReady, when every hook has seen the route.
    pending.push(route);
  });
  const pending: RouteOptions[] = [];
  app.addHook('onReady', async () => {
    const ungated = pending.filter(
      (r) => r.config?.public !== true && !r.config?.policy && r.method !== 'OPTIONS' && r.method !== 'HEAD',
    );
    if (ungated.length > 0) {
      throw new Error(
        `routes without a declared policy: ${ungated.map((r) => `${String(r.method)} ${r.url}`).join(', ')}`,
      );
    }
  });
  // preValidation: an actor who may not use the route learns nothing, not even its schema.
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy) return;
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Authentication is required.');
    if (policy === 'authenticated') return;
    if (!defineAbilityFor(actor).can(policy.action, policy.subject)) {
      await recordDenial?.(
        actor,
        policy,
        deniedResourceId(actor, policy, { url: request.routeOptions.url ?? '', params: request.params }),
      );
      throw new AppError('FORBIDDEN', refusalMessage(actor, policy.action, policy.subject));
    }
  });
}
