// REST adapter for tickets and their comments: schema + one service call per route,
// plus the HTTP conventions (201 + Location, ETag / If-Match, Idempotency-Key).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import { AppError } from '../errors.js';
import * as tickets from './tickets.service.js';
import { ticketTimeline } from './ticket-timeline.service.js';
import * as comments from './comments.service.js';
import { HeldReplySchema } from '../disclosure/disclosure.schemas.js';
import { listTickets, type TicketSort } from './tickets-list.service.js';
import { parseIfMatch, ticketEtag, type TicketView } from './ticket-view.js';
import {
  CommentSchema,
  CreateComment,
  CreateTicket,
  EditComment,
  IdempotencyHeaders,
  IfMatchHeaders,
  IfNoneMatchHeaders,
  ListTicketsQuery,
  PatchTicket,
  RedactComment,
  TicketSchema,
  TimelineEntrySchema,
} from './tickets.schemas.js';
import { actorOf } from '../http/actor.js';
import { noneMatchFails } from '../http/conditional-requests.js';

const problem412 = { 412: { $ref: 'Problem#' }, 422: { $ref: 'Problem#' } };

function withEtag(reply: FastifyReply, ticket: TicketView): TicketView {
  reply.header('etag', ticketEtag(ticket.version));
  return ticket;
}

function ifMatch(header: string | undefined): number | undefined {
  const v = parseIfMatch(header);
  if (v === -1) throw new AppError('PRECONDITION_FAILED', 'If-Match must be an ETag returned by this API.');
  return v;
}

export function ticketsRoutes(deps: tickets.TicketsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: Static<typeof CreateTicket>; Headers: Static<typeof IdempotencyHeaders> }>(
      '/tickets',
      {
        config: { policy: { action: 'create', subject: 'Ticket' } },
        schema: {
          headers: IdempotencyHeaders,
          body: CreateTicket,
          response: { 201: TicketSchema, 200: TicketSchema, ...errorResponses, ...problem412 },
        },
      },
      async (req, reply) => {
        const { ticket, replayed } = await tickets.createTicket(deps, actorOf(req), req.body, {
          idempotencyKey: req.headers['idempotency-key'],
        });
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(201).header('location', `/v1/tickets/${ticket.id}`).send(withEtag(reply, ticket));
      },
    );

    app.get<{ Querystring: Static<typeof ListTicketsQuery> }>(
      '/tickets',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: { querystring: ListTicketsQuery, response: { 200: PageOf(TicketSchema), ...errorResponses } },
      },
      async (req) => {
        const { limit, cursor, sort, updatedSince, ...filters } = req.query;
        return listTickets(
          deps,
          actorOf(req),
          { ...filters, updatedSince: updatedSince ? new Date(updatedSince) : undefined },
          // the service refuses a value outside ticketSorts, listing them
          { limit, cursor, sort: sort as TicketSort | undefined },
        );
      },
    );

    app.get<{ Params: Static<typeof IdParams>; Headers: Static<typeof IfNoneMatchHeaders> }>(
      '/tickets/:id',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: {
          params: IdParams,
          headers: IfNoneMatchHeaders,
          response: { 200: TicketSchema, 304: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        // A 304 is read and audited exactly as a 200 (the service records the read and the
        // PHI fields it would disclose): it confirms the caller's copy, PHI included, is current.
        const ticket = await tickets.getTicket(deps, actorOf(req), req.params.id);
        const etag = ticketEtag(ticket.version);
        if (noneMatchFails(req.headers['if-none-match'], etag)) return reply.code(304).header('etag', etag).send();
        return withEtag(reply, ticket);
      },
    );

    app.patch<{
      Params: Static<typeof IdParams>;
      Body: Static<typeof PatchTicket>;
      Headers: Static<typeof IfMatchHeaders>;
    }>(
      '/tickets/:id',
      {
        config: { policy: { action: 'update', subject: 'Ticket' } },
        schema: {
          params: IdParams,
          headers: IfMatchHeaders,
          body: PatchTicket,
          response: { 200: TicketSchema, ...errorResponses, ...problem412 },
        },
      },
      async (req, reply) =>
        withEtag(
          reply,
          await tickets.updateTicket(deps, actorOf(req), req.params.id, req.body, ifMatch(req.headers['if-match'])),
        ),
    );

    app.delete<{ Params: Static<typeof IdParams>; Headers: Static<typeof IfMatchHeaders> }>(
      '/tickets/:id',
      {
        config: { policy: { action: 'delete', subject: 'Ticket' } },
        schema: {
          params: IdParams,
          headers: IfMatchHeaders,
          response: { 204: Type.Null(), ...errorResponses, 412: { $ref: 'Problem#' } },
        },
      },
      async (req, reply) => {
        await tickets.deleteTicket(deps, actorOf(req), req.params.id, ifMatch(req.headers['if-match']));
        return reply.code(204).send();
      },
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      '/tickets/:id/timeline',
      {
        config: { policy: { action: 'read', subject: 'Ticket' } },
        schema: {
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(TimelineEntrySchema) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await ticketTimeline(deps, actorOf(req), req.params.id) }),
    );

    app.post<{
      Params: Static<typeof IdParams>;
      Body: Static<typeof CreateComment>;
      Headers: Static<typeof IdempotencyHeaders>;
    }>(
      '/tickets/:id/comments',
      {
        config: { policy: { action: 'create', subject: 'Comment' } },
        schema: {
          params: IdParams,
          headers: IdempotencyHeaders,
          body: CreateComment,
          response: { 201: CommentSchema, 202: HeldReplySchema, ...errorResponses, 422: { $ref: 'Problem#' } },
        },
      },
      async (req, reply) => {
        const { comment, held, replayed, ticketVersion } = await comments.addComment(
          deps,
          actorOf(req),
          req.params.id,
          req.body,
          { idempotencyKey: req.headers['idempotency-key'] },
        );
        // held for a supervisor by a disclosure check: not sent, not a comment (yet)
        if (held) return reply.code(202).header('location', `/v1/held-replies/${held.id}`).send(held);
        if (replayed) reply.header('idempotent-replayed', 'true');
        // A comment moves its ticket's version: the ticket's new ETag (comments have none of
        // their own) lets the caller's next If-Match on the ticket succeed without a re-read.
        return reply
          .code(201)
          .header('location', `/v1/comments/${comment.id}`)
          .header('etag', ticketEtag(ticketVersion))
          .send(comment);
      },
    );

    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PageQuery> }>(
      '/tickets/:id/comments',
      {
        config: { policy: { action: 'read', subject: 'Comment' } },
        schema: {
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PageOf(CommentSchema), ...errorResponses },
        },
      },
      async (req) => comments.listComments(deps, actorOf(req), req.params.id, req.query),
    );

    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof EditComment> }>(
      '/comments/:id',
      {
        config: { policy: { action: 'update', subject: 'Comment' } },
        schema: { params: IdParams, body: EditComment, response: { 200: CommentSchema, ...errorResponses } },
      },
      async (req) => comments.editComment(deps, actorOf(req), req.params.id, req.body.body),
    );

    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof RedactComment> }>(
      '/comments/:id/redact',
      {
        config: { policy: { action: 'redact', subject: 'Comment' } },
        schema: {
          params: IdParams,
          body: RedactComment,
          response: { 200: CommentSchema, ...errorResponses, ...problem412 },
        },
      },
      async (req) => comments.redactComment(deps, actorOf(req), req.params.id, req.body.text),
    );
  };
}
