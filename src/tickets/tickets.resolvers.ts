// GraphQL adapter for tickets: resolvers call the same services as REST; batched fields
// the per-ticket fields (requester, assignee, group, last comment) so a page costs a
// constant number of queries however many tickets it holds.
import type { IResolvers } from 'mercurius';
import { getContactsByIds } from '../contacts/contacts-batch.service.js';
import { getGroupsByIds } from '../groups/groups.service.js';
import { getUsersByIds } from '../users/users.service.js';
import type { GraphqlContext } from '../graphql/context.js';
import { batched } from '../graphql/batch.js';
import type { FieldPolicies } from '../graphql/gate.js';
import type {
  MutationAddCommentArgs,
  MutationCreateTicketArgs,
  MutationDeleteTicketArgs,
  MutationEditCommentArgs,
  MutationRedactCommentArgs,
  MutationUpdateTicketArgs,
  QueryTicketArgs,
  QueryTicketsArgs,
  TicketCommentsArgs,
  TicketOrder,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import { AppError } from '../errors.js';
import * as comments from './comments.service.js';
import { listTickets, type TicketSort } from './tickets-list.service.js';
import type { TicketView } from './ticket-view.js';
import * as tickets from './tickets.service.js';
import { ticketTimeline } from './ticket-timeline.service.js';

/** orderBy's values as REST's sort values (GraphQL enum values cannot start with '-'). */
const ticketSortOf: Record<TicketOrder, TicketSort> = {
  CREATED_AT_ASC: 'createdAt',
  CREATED_AT_DESC: '-createdAt',
  UPDATED_AT_ASC: 'updatedAt',
  UPDATED_AT_DESC: '-updatedAt',
  PRIORITY_ASC: 'priority',
  PRIORITY_DESC: '-priority',
  STATUS_ASC: 'status',
  STATUS_DESC: '-status',
};

export function ticketsGraphql(deps: tickets.TicketsDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      tickets: (_: unknown, a: QueryTicketsArgs, ctx: GraphqlContext) => {
        const f = definedOnly(a.filter);
        return listTickets(deps, actorOf(ctx), serviceInput({ ...f, updatedSince: f.updatedSince ?? undefined }), {
          ...pageOf(a),
          sort: a.orderBy ? ticketSortOf[a.orderBy] : undefined,
        });
      },
      ticket: (_: unknown, a: QueryTicketArgs, ctx: GraphqlContext) => tickets.getTicket(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      createTicket: async (_: unknown, a: MutationCreateTicketArgs, ctx: GraphqlContext) =>
        (
          await tickets.createTicket(deps, actorOf(ctx), serviceInput(definedOnly(a.input)), {
            idempotencyKey: a.idempotencyKey ?? undefined,
          })
        ).ticket,
      updateTicket: (_: unknown, a: MutationUpdateTicketArgs, ctx: GraphqlContext) =>
        tickets.updateTicket(deps, actorOf(ctx), a.id, serviceInput(a.input ?? {}), a.expectedVersion ?? undefined),
      deleteTicket: async (_: unknown, a: MutationDeleteTicketArgs, ctx: GraphqlContext) => {
        await tickets.deleteTicket(deps, actorOf(ctx), a.id, a.expectedVersion ?? undefined);
        return true;
      },
      addComment: async (_: unknown, a: MutationAddCommentArgs, ctx: GraphqlContext) => {
        const added = await comments.addComment(deps, actorOf(ctx), a.ticketId, serviceInput(definedOnly(a.input)), {
          idempotencyKey: a.idempotencyKey ?? undefined,
        });
        if (!added.held) return added.comment;
        // committed to the supervisor hold queue (src/disclosure), not sent: say so, as an error
        throw new AppError('UNPROCESSABLE', 'This public reply was held for a supervisor; it was not sent.', [
          ...added.held.reasons,
          { pointer: '/heldReplyId', detail: added.held.id },
        ]);
      },
      editComment: (_: unknown, a: MutationEditCommentArgs, ctx: GraphqlContext) =>
        comments.editComment(deps, actorOf(ctx), a.id, a.body),
      redactComment: (_: unknown, a: MutationRedactCommentArgs, ctx: GraphqlContext) =>
        comments.redactComment(deps, actorOf(ctx), a.id, a.text),
    },
    Ticket: {
      comments: (t: TicketView, a: TicketCommentsArgs, ctx: GraphqlContext) =>
        comments.listComments(deps, actorOf(ctx), t.id, pageOf(a)),
      timeline: (t: TicketView, _: unknown, ctx: GraphqlContext) => ticketTimeline(deps, actorOf(ctx), t.id),
      // batched: a page's tickets ask together, one service call per field (batch.ts)
      requester: (t: TicketView, _: unknown, ctx: GraphqlContext) =>
        t.requesterId &&
        batched(ctx, 'Ticket.requester', (ids) => getContactsByIds(deps, actorOf(ctx), ids)).load(t.requesterId),
      assignee: (t: TicketView, _: unknown, ctx: GraphqlContext) =>
        t.assigneeId &&
        batched(ctx, 'Ticket.assignee', (ids) => getUsersByIds(deps, actorOf(ctx), ids)).load(t.assigneeId),
      group: (t: TicketView, _: unknown, ctx: GraphqlContext) =>
        t.groupId && batched(ctx, 'Ticket.group', (ids) => getGroupsByIds(deps, actorOf(ctx), ids)).load(t.groupId),
      lastComment: (t: TicketView, _: unknown, ctx: GraphqlContext) =>
        batched(ctx, 'Ticket.lastComment', (ids) => comments.lastComments(deps, actorOf(ctx), ids)).load(t.id),
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
  return { resolvers: resolvers as unknown as IResolvers, policies };
}
