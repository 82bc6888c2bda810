// GraphQL adapter for tickets: resolvers call the same services as REST; loaders batch
// the per-ticket fields (requester, assignee, group, last comment) so a page costs a
// constant number of queries however many tickets it holds.
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import type { Actor } from '../auth/actor.js';
import { getContactsByIds } from '../contacts/contacts-batch.service.js';
import { getGroupsByIds } from '../groups/groups.service.js';
import { getUsersByIds } from '../users/users.service.js';
import type { FieldPolicies } from '../graphql/gate.js';
import * as comments from './comments.service.js';
import { listTickets } from './tickets-list.service.js';
import type { TicketView } from './ticket-view.js';
import * as tickets from './tickets.service.js';

type Ctx = { actor: Actor };
type Args = Record<string, any>;
const clean = <T extends object>(o: T | null | undefined): T => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as T;
const orNull = <T>(v: T | null | undefined) => (v === undefined ? null : v);

export function ticketsGraphql(deps: tickets.TicketsDeps): { resolvers: IResolvers; loaders: MercuriusLoaders; policies: FieldPolicies } {
  const resolvers = {
    Query: {
      tickets: (_: unknown, a: Args, ctx: Ctx) => {
        const f = clean<Args>(a['filter']);
        return listTickets(deps, ctx.actor, { ...f, updatedSince: f['updatedSince'] ?? undefined }, { limit: a['limit'] ?? undefined, cursor: a['cursor'] ?? undefined });
      },
      ticket: (_: unknown, a: Args, ctx: Ctx) => tickets.getTicket(deps, ctx.actor, a['id']),
    },
    Mutation: {
      createTicket: async (_: unknown, a: Args, ctx: Ctx) =>
        (await tickets.createTicket(deps, ctx.actor, clean(a['input']), { idempotencyKey: a['idempotencyKey'] ?? undefined })).ticket,
      updateTicket: (_: unknown, a: Args, ctx: Ctx) => tickets.updateTicket(deps, ctx.actor, a['id'], a['input'] ?? {}, a['expectedVersion'] ?? undefined),
      deleteTicket: async (_: unknown, a: Args, ctx: Ctx) => { await tickets.deleteTicket(deps, ctx.actor, a['id'], a['expectedVersion'] ?? undefined); return true; },
      addComment: async (_: unknown, a: Args, ctx: Ctx) =>
        (await comments.addComment(deps, ctx.actor, a['ticketId'], clean(a['input']), { idempotencyKey: a['idempotencyKey'] ?? undefined })).comment,
      editComment: (_: unknown, a: Args, ctx: Ctx) => comments.editComment(deps, ctx.actor, a['id'], a['body']),
      redactComment: (_: unknown, a: Args, ctx: Ctx) => comments.redactComment(deps, ctx.actor, a['id'], a['text']),
    },
    Ticket: {
      comments: (t: TicketView, a: Args, ctx: Ctx) => comments.listComments(deps, ctx.actor, t.id, { limit: a['limit'] ?? undefined, cursor: a['cursor'] ?? undefined }),
      timeline: (t: TicketView, _: Args, ctx: Ctx) => tickets.ticketTimeline(deps, ctx.actor, t.id),
    },
  };
  type Q = Array<{ obj: TicketView }>;
  const byKey = async <V>(queries: Q, key: (t: TicketView) => string | null, fetch: (ids: string[]) => Promise<Map<string, V>>) => {
    const ids = [...new Set(queries.map((q) => key(q.obj)).filter((v): v is string => v !== null))];
    const found = ids.length ? await fetch(ids) : new Map<string, V>();
    return queries.map((q) => orNull(key(q.obj) === null ? null : found.get(key(q.obj)!)));
  };
  const loaders = {
    Ticket: {
      requester: (queries: Q, ctx: Ctx) => byKey(queries, (t) => t.requesterId, (ids) => getContactsByIds(deps, ctx.actor, ids)),
      assignee: (queries: Q, ctx: Ctx) => byKey(queries, (t) => t.assigneeId, (ids) => getUsersByIds(deps, ctx.actor, ids)),
      group: (queries: Q, ctx: Ctx) => byKey(queries, (t) => t.groupId, (ids) => getGroupsByIds(deps, ctx.actor, ids)),
      lastComment: (queries: Q, ctx: Ctx) => byKey(queries, (t) => t.id, (ids) => comments.lastComments(deps, ctx.actor, ids)),
    },
  };
  const policies: FieldPolicies = {
    'Query.tickets': { action: 'read', subject: 'Ticket' },
    'Query.ticket': { action: 'read', subject: 'Ticket' },
    'Mutation.createTicket': { action: 'create', subject: 'Ticket' },
    'Mutation.updateTicket': { action: 'update', subject: 'Ticket' },
    'Mutation.deleteTicket': { action: 'delete', subject: 'Ticket' },
    'Mutation.addComment': { action: 'create', subject: 'Comment' },
    'Mutation.editComment': { action: 'update', subject: 'Comment' },
    'Mutation.redactComment': { action: 'redact', subject: 'Comment' },
  };
  return { resolvers: resolvers as unknown as IResolvers, loaders: loaders as unknown as MercuriusLoaders, policies };
}
