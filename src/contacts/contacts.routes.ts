// REST adapter for contacts: schema + one service call per route. PHI travels only in
// bodies (search terms too: POST /contacts/search), never in URLs.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../errors.js';
import { IdParams, PageOf, errorResponses } from '../http/schemas.js';
import type { ContactView } from './contacts.model.js';
import * as contacts from './contacts.service.js';
import type { ContactSort } from './contacts.service.js';
import {
  ContactSchema,
  CreateContactSchema,
  ListContactsQuery,
  SearchContactsSchema,
  UpdateContactSchema,
  type CreateContactBody,
  type SearchContactsBody,
  type UpdateContactBody,
} from './contacts.schemas.js';
import { actorOf } from '../http/actor.js';
import { noneMatchFails } from '../http/conditional-requests.js';

const problem = { $ref: 'Problem#' };
/** Errors of routes that open sealed values: UNSEAL_FAILED/SEAL_FAILED are 500, AUDIT_UNAVAILABLE 503. */
const sealedResponses = { ...errorResponses, 412: problem, 500: problem, 503: problem };
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100 })) });
const IfNoneMatchHeaders = Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 1000 })) });

/** The same ETag convention as tickets: a strong tag of the version, `"v<version>"`. */
const etag = (c: ContactView) => `"v${c.version}"`;

function withEtag(reply: FastifyReply, contact: ContactView): ContactView {
  reply.header('etag', etag(contact));
  return contact;
}

/** If-Match: "v3" (or W/"v3", as proxies rewrite it) -> 3; anything else is a failed precondition. */
function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"v([0-9]{1,9})"\s*$/.exec(header);
  if (!m) throw new AppError('PRECONDITION_FAILED', 'If-Match must be an ETag returned by this API.');
  return Number(m[1]);
}

export function contactsRoutes(deps: contacts.ContactsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // application/merge-patch+json is parsed app-wide (src/app.ts).

    app.get<{ Querystring: Static<typeof ListContactsQuery> }>(
      '/contacts',
      {
        config: { policy: { action: 'read', subject: 'Contact' } },
        schema: { querystring: ListContactsQuery, response: { 200: PageOf(ContactSchema), ...sealedResponses } },
      },
      // the service refuses a sort outside contactSorts, listing them
      async (req) =>
        contacts.listContacts(deps, actorOf(req), { ...req.query, sort: req.query.sort as ContactSort | undefined }),
    );

    app.post<{ Body: CreateContactBody }>(
      '/contacts',
      {
        config: { policy: { action: 'create', subject: 'Contact' } },
        schema: { body: CreateContactSchema, response: { 201: ContactSchema, ...sealedResponses } },
      },
      async (req, reply) => {
        const contact = await contacts.createContact(deps, actorOf(req), req.body);
        return reply
          .code(201)
          .header('location', `/v1/contacts/${contact.id}`)
          .header('etag', etag(contact))
          .send(contact);
      },
    );

    app.post<{ Body: SearchContactsBody }>(
      '/contacts/search',
      {
        config: { policy: { action: 'read_phi', subject: 'Contact' } },
        schema: {
          body: SearchContactsSchema,
          response: { 200: Type.Object({ items: Type.Array(ContactSchema) }), ...sealedResponses },
        },
      },
      async (req) => ({ items: await contacts.searchContacts(deps, actorOf(req), req.body) }),
    );

    app.get<{ Params: Static<typeof IdParams>; Headers: Static<typeof IfNoneMatchHeaders> }>(
      '/contacts/:id',
      {
        config: { policy: { action: 'read', subject: 'Contact' } },
        schema: {
          params: IdParams,
          headers: IfNoneMatchHeaders,
          response: { 200: ContactSchema, 304: Type.Null(), ...sealedResponses },
        },
      },
      async (req, reply) => {
        // A 304 is read and audited exactly as a 200 (see the ticket route): it confirms the
        // caller's copy, PHI included, is current.
        const contact = await contacts.getContact(deps, actorOf(req), req.params.id);
        if (noneMatchFails(req.headers['if-none-match'], etag(contact)))
          return reply.code(304).header('etag', etag(contact)).send();
        return withEtag(reply, contact);
      },
    );

    app.patch<{ Params: Static<typeof IdParams>; Body: UpdateContactBody; Headers: Static<typeof IfMatchHeaders> }>(
      '/contacts/:id',
      {
        config: { policy: { action: 'update', subject: 'Contact' } },
        schema: {
          params: IdParams,
          headers: IfMatchHeaders,
          body: UpdateContactSchema,
          response: { 200: ContactSchema, ...sealedResponses },
        },
      },
      async (req, reply) =>
        withEtag(
          reply,
          await contacts.updateContact(
            deps,
            actorOf(req),
            req.params.id,
            req.body,
            expectedVersion(req.headers['if-match']),
          ),
        ),
    );

    app.delete<{ Params: Static<typeof IdParams> }>(
      '/contacts/:id',
      {
        config: { policy: { action: 'delete', subject: 'Contact' } },
        schema: { params: IdParams, response: { 204: Type.Null(), ...errorResponses, 503: problem } },
      },
      async (req, reply) => {
        await contacts.deleteContact(deps, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };
}
