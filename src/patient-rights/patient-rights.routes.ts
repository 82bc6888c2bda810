// REST adapter for patient rights: access requests (164.524), their single-use bundle
// links, disclosure records and accounting requests (164.528). Each handler is one call
// into a service with the authenticated actor. The download link carries nothing but a
// random token, and needs a caller who may read the request: its patient, or the privacy officer.
import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { IdParams, PageOf, errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';
import * as access from './access-requests.service.js';
import * as fulfilment from './access-fulfilment.service.js';
import * as disclosures from './disclosures.service.js';
import * as accounting from './accounting-requests.service.js';
import type { PatientRightsDeps } from './patient-rights.model.js';
import * as S from './patient-rights.schemas.js';

type Id = { Params: Static<typeof IdParams> };
const policy = (
  action: 'read' | 'create' | 'update',
  subject: 'AccessRequest' | 'AccountingRequest' | 'Disclosure',
) => ({
  policy: { action, subject },
});

async function accessRequestRoutes(app: FastifyInstance, deps: PatientRightsDeps): Promise<void> {
  const path = '/access-requests';
  app.get<{ Querystring: Static<typeof S.ListQuery> }>(
    path,
    {
      config: policy('read', 'AccessRequest'),
      schema: { querystring: S.ListQuery, response: { 200: PageOf(S.AccessRequestSchema), ...errorResponses } },
    },
    async (req) => access.listAccessRequests(deps, actorOf(req), req.query),
  );
  app.post<{ Body: Static<typeof S.OpenAccessRequest> }>(
    path,
    {
      config: policy('create', 'AccessRequest'),
      schema: {
        body: S.OpenAccessRequest,
        response: { 201: S.AccessRequestSchema, 422: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => {
      const created = await access.openAccessRequest(deps, actorOf(req), req.body);
      return reply.code(201).header('location', `/v1${path}/${created.id}`).send(created);
    },
  );
  app.get<Id>(
    `${path}/:id`,
    {
      config: policy('read', 'AccessRequest'),
      schema: { params: IdParams, response: { 200: S.AccessRequestSchema, ...errorResponses } },
    },
    async (req) => access.getAccessRequest(deps, actorOf(req), req.params.id),
  );
  app.post<Id & { Body: Static<typeof S.Extend> }>(
    `${path}/:id/extend`,
    {
      config: policy('update', 'AccessRequest'),
      schema: { params: IdParams, body: S.Extend, response: { 200: S.AccessRequestSchema, ...errorResponses } },
    },
    async (req) => access.extendAccessRequest(deps, actorOf(req), req.params.id, req.body),
  );
  app.post<Id & { Body: Static<typeof S.Deny> }>(
    `${path}/:id/deny`,
    {
      config: policy('update', 'AccessRequest'),
      schema: { params: IdParams, body: S.Deny, response: { 200: S.AccessRequestSchema, ...errorResponses } },
    },
    async (req) => access.denyAccessRequest(deps, actorOf(req), req.params.id, req.body),
  );
  app.post<Id>(
    `${path}/:id/fulfil`,
    {
      config: policy('update', 'AccessRequest'),
      // 422: PHI detection found another patient's identifiers in the record (block or hold)
      schema: { params: IdParams, response: { 200: S.FulfilmentSchema, 422: { $ref: 'Problem#' }, ...errorResponses } },
    },
    async (req) => fulfilment.fulfilAccessRequest(deps, actorOf(req), req.params.id),
  );
  app.get<{ Querystring: Static<typeof S.DownloadQuery> }>(
    '/access-request-downloads',
    {
      // the patient (a requester linked to the contact) or the privacy officer, with the link's token
      config: { policy: { action: 'read_phi', subject: 'AccessRequest' } },
      schema: { querystring: S.DownloadQuery, response: { 200: S.BundleSchema, ...errorResponses } },
    },
    async (req, reply) => {
      const bundle = await fulfilment.downloadBundle(deps, actorOf(req), req.query.token);
      return reply.header('content-disposition', 'attachment; filename="access-bundle.json"').send(bundle);
    },
  );
}

async function accountingRoutes(app: FastifyInstance, deps: PatientRightsDeps): Promise<void> {
  app.get<{ Querystring: Static<typeof S.DisclosureQuery> }>(
    '/disclosures',
    {
      config: policy('read', 'Disclosure'),
      schema: { querystring: S.DisclosureQuery, response: { 200: PageOf(S.DisclosureSchema), ...errorResponses } },
    },
    async (req) => {
      const { contactId, ...page } = req.query;
      return disclosures.listDisclosures(deps, actorOf(req), contactId, page);
    },
  );
  app.post<{ Body: Static<typeof S.RecordDisclosure> }>(
    '/disclosures',
    {
      config: policy('create', 'Disclosure'),
      schema: {
        body: S.RecordDisclosure,
        response: { 201: S.DisclosureSchema, 422: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await disclosures.recordDisclosure(deps, actorOf(req), req.body)),
  );
  const path = '/accounting-requests';
  app.get<{ Querystring: Static<typeof S.ListQuery> }>(
    path,
    {
      config: policy('read', 'AccountingRequest'),
      schema: { querystring: S.ListQuery, response: { 200: PageOf(S.AccountingRequestSchema), ...errorResponses } },
    },
    async (req) => accounting.listAccountingRequests(deps, actorOf(req), req.query),
  );
  app.post<{ Body: Static<typeof S.OpenAccountingRequest> }>(
    path,
    {
      config: policy('create', 'AccountingRequest'),
      schema: {
        body: S.OpenAccountingRequest,
        response: { 201: S.AccountingRequestSchema, 422: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => {
      const created = await accounting.openAccountingRequest(deps, actorOf(req), req.body);
      return reply.code(201).header('location', `/v1${path}/${created.id}`).send(created);
    },
  );
  app.get<Id>(
    `${path}/:id`,
    {
      config: policy('read', 'AccountingRequest'),
      schema: { params: IdParams, response: { 200: S.AccountingRequestSchema, ...errorResponses } },
    },
    async (req) => accounting.getAccountingRequest(deps, actorOf(req), req.params.id),
  );
  app.post<Id & { Body: Static<typeof S.Extend> }>(
    `${path}/:id/extend`,
    {
      config: policy('update', 'AccountingRequest'),
      schema: { params: IdParams, body: S.Extend, response: { 200: S.AccountingRequestSchema, ...errorResponses } },
    },
    async (req) => accounting.extendAccountingRequest(deps, actorOf(req), req.params.id, req.body),
  );
  app.get<Id>(
    `${path}/:id/report`,
    {
      config: policy('read', 'AccountingRequest'),
      schema: { params: IdParams, response: { 200: S.ReportSchema, ...errorResponses } },
    },
    async (req) => accounting.accountingReport(deps, actorOf(req), req.params.id),
  );
  app.post<Id>(
    `${path}/:id/fulfil`,
    {
      config: policy('update', 'AccountingRequest'),
      schema: { params: IdParams, response: { 200: S.ReportSchema, ...errorResponses } },
    },
    async (req) => accounting.fulfilAccountingRequest(deps, actorOf(req), req.params.id),
  );
}

export function patientRightsRoutes(deps: PatientRightsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    await accessRequestRoutes(app, deps);
    await accountingRoutes(app, deps);
  };
}
