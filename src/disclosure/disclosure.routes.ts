// REST adapter for the disclosure safeguards: identity verifications, personal
// representatives, the tenant's disclosure settings and the supervisor hold queue. Each
// route is one call into its service (same policy, validation and audit as GraphQL).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';
import type { HeldReplyStatus } from '../db/tables/disclosure.js';
import type { TicketsDeps } from '../tickets/tickets.service.js';
import { CommentSchema } from '../tickets/tickets.schemas.js';
import * as settings from './disclosure-settings.service.js';
import * as held from './held-replies.service.js';
import * as reps from './representatives.service.js';
import * as verifications from './verifications.service.js';
import {
  CreateRepresentative,
  CreateVerification,
  DisclosureSettingsSchema,
  HeldReplyQuery,
  HeldReplySchema,
  PutDisclosureSettings,
  RejectHeldReply,
  RepresentativeQuery,
  RepresentativeSchema,
  UpdateRepresentative,
  VerificationSchema,
} from './disclosure.schemas.js';

type Id = { Params: Static<typeof IdParams> };
const withProblem = { ...errorResponses, 422: { $ref: 'Problem#' } };

export function disclosureRoutes(deps: TicketsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // --- identity verification (164.514(h)) ---
    app.post<Id & { Body: Static<typeof CreateVerification> }>(
      '/contacts/:id/verifications',
      {
        config: { policy: { action: 'create', subject: 'ContactVerification' } },
        schema: {
          params: IdParams,
          body: CreateVerification,
          response: { 201: VerificationSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await verifications.verifyContact(deps, actorOf(req), req.params.id, req.body)),
    );
    app.get<Id & { Querystring: Static<typeof PageQuery> }>(
      '/contacts/:id/verifications',
      {
        config: { policy: { action: 'read', subject: 'ContactVerification' } },
        schema: {
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PageOf(VerificationSchema), ...errorResponses },
        },
      },
      async (req) => verifications.listVerifications(deps, actorOf(req), req.params.id, req.query),
    );
    app.post<Id>(
      '/contact-verifications/:id/revoke',
      {
        config: { policy: { action: 'revoke', subject: 'ContactVerification' } },
        schema: { params: IdParams, response: { 200: VerificationSchema, ...errorResponses } },
      },
      async (req) => verifications.revokeVerification(deps, actorOf(req), req.params.id),
    );

    // --- personal representatives (164.502(g)) ---
    const reps_ = '/personal-representatives';
    app.get<{ Querystring: Static<typeof RepresentativeQuery> }>(
      reps_,
      {
        config: { policy: { action: 'read', subject: 'PersonalRepresentative' } },
        schema: {
          querystring: RepresentativeQuery,
          response: { 200: PageOf(RepresentativeSchema), ...errorResponses },
        },
      },
      async (req) => {
        const { patientContactId, ...page } = req.query;
        return reps.listRepresentatives(deps, actorOf(req), { patientContactId }, page);
      },
    );
    app.post<{ Body: Static<typeof CreateRepresentative> }>(
      reps_,
      {
        config: { policy: { action: 'create', subject: 'PersonalRepresentative' } },
        schema: { body: CreateRepresentative, response: { 201: RepresentativeSchema, ...withProblem } },
      },
      async (req, reply) => {
        const created = await reps.createRepresentative(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1${reps_}/${created.id}`).send(created);
      },
    );
    app.get<Id>(
      `${reps_}/:id`,
      {
        config: { policy: { action: 'read', subject: 'PersonalRepresentative' } },
        schema: { params: IdParams, response: { 200: RepresentativeSchema, ...errorResponses } },
      },
      async (req) => reps.getRepresentative(deps, actorOf(req), req.params.id),
    );
    app.patch<Id & { Body: Static<typeof UpdateRepresentative> }>(
      `${reps_}/:id`,
      {
        config: { policy: { action: 'update', subject: 'PersonalRepresentative' } },
        schema: {
          params: IdParams,
          body: UpdateRepresentative,
          response: { 200: RepresentativeSchema, ...errorResponses },
        },
      },
      async (req) => reps.updateRepresentative(deps, actorOf(req), req.params.id, req.body),
    );
    app.delete<Id>(
      `${reps_}/:id`,
      {
        config: { policy: { action: 'delete', subject: 'PersonalRepresentative' } },
        schema: { params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
      },
      async (req, reply) => {
        await reps.deleteRepresentative(deps, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );

    // --- the tenant's disclosure settings ---
    app.get(
      '/disclosure-settings',
      {
        config: { policy: { action: 'read', subject: 'Tenant' } },
        schema: { response: { 200: DisclosureSettingsSchema, ...errorResponses } },
      },
      async (req) => settings.getDisclosureSettings(deps, actorOf(req)),
    );
    app.put<{ Body: Static<typeof PutDisclosureSettings> }>(
      '/disclosure-settings',
      {
        config: { policy: { action: 'update', subject: 'Tenant' } },
        schema: { body: PutDisclosureSettings, response: { 200: DisclosureSettingsSchema, ...errorResponses } },
      },
      async (req) => settings.putDisclosureSettings(deps, actorOf(req), req.body as settings.DisclosureSettingsInput),
    );

    // --- the supervisor hold queue ---
    app.get<{ Querystring: Static<typeof HeldReplyQuery> }>(
      '/held-replies',
      {
        config: { policy: { action: 'read', subject: 'HeldReply' } },
        schema: { querystring: HeldReplyQuery, response: { 200: PageOf(HeldReplySchema), ...errorResponses } },
      },
      async (req) => {
        const { status, ...page } = req.query;
        return held.listHeldReplies(deps, actorOf(req), { status: status as HeldReplyStatus | undefined }, page);
      },
    );
    app.get<Id>(
      '/held-replies/:id',
      {
        config: { policy: { action: 'read', subject: 'HeldReply' } },
        schema: { params: IdParams, response: { 200: HeldReplySchema, ...errorResponses } },
      },
      async (req) => held.getHeldReply(deps, actorOf(req), req.params.id),
    );
    app.post<Id>(
      '/held-replies/:id/release',
      {
        config: { policy: { action: 'review', subject: 'HeldReply' } },
        schema: {
          params: IdParams,
          response: { 200: Type.Object({ heldReply: HeldReplySchema, comment: CommentSchema }), ...withProblem },
        },
      },
      async (req) => held.releaseHeldReply(deps, actorOf(req), req.params.id),
    );
    app.post<Id & { Body: Static<typeof RejectHeldReply> }>(
      '/held-replies/:id/reject',
      {
        config: { policy: { action: 'review', subject: 'HeldReply' } },
        schema: { params: IdParams, body: RejectHeldReply, response: { 200: HeldReplySchema, ...errorResponses } },
      },
      async (req) => held.rejectHeldReply(deps, actorOf(req), req.params.id, req.body.reason),
    );
  };
}
