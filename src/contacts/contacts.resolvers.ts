// GraphQL adapter for contacts: each resolver is one call into the same service as
// REST (same policy, masking, sealing and audit); inputs are checked against the REST
// schemas. searchContacts is a Mutation on purpose: GraphQL queries may be sent as
// GET with their variables in the URL, mutations never are, so search terms (PHI)
// cannot end up in a URL, a proxy log or a browser history.
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type { FieldPolicies } from '../graphql/gate.js';
import type {
  MutationCreateContactArgs,
  MutationDeleteContactArgs,
  MutationSearchContactsArgs,
  MutationUpdateContactArgs,
  QueryContactArgs,
  QueryContactsArgs,
} from '../graphql/generated/schema-types.js';
import { pageOf, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ContactPatch } from './contacts.model.js';
import * as contacts from './contacts.service.js';
import { CreateContactSchema, SearchContactsSchema, UpdateContactSchema, checkInput } from './contacts.schemas.js';

/** GraphQL passes explicit nulls and omits absent fields, which is exactly merge-patch semantics; nulls in create inputs mean "absent". */
const withoutNulls = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

export function contactsGraphql(deps: contacts.ContactsDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      contacts: (_: unknown, a: QueryContactsArgs, ctx: GraphqlContext) =>
        contacts.listContacts(deps, actorOf(ctx), pageOf(a)),
      contact: (_: unknown, a: QueryContactArgs, ctx: GraphqlContext) => contacts.getContact(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      createContact: (_: unknown, a: MutationCreateContactArgs, ctx: GraphqlContext) => {
        const input = {
          ...withoutNulls(a.input ?? {}),
          ...(a.input?.address ? { address: withoutNulls(a.input.address) } : {}),
        };
        return contacts.createContact(deps, actorOf(ctx), checkInput(CreateContactSchema, input));
      },
      updateContact: (_: unknown, a: MutationUpdateContactArgs, ctx: GraphqlContext) => {
        const patch = checkInput(UpdateContactSchema, { ...(a.input ?? {}) }) as ContactPatch;
        return contacts.updateContact(deps, actorOf(ctx), a.id, patch, a.expectedVersion ?? undefined);
      },
      deleteContact: async (_: unknown, a: MutationDeleteContactArgs, ctx: GraphqlContext) => {
        await contacts.deleteContact(deps, actorOf(ctx), a.id);
        return true;
      },
      searchContacts: (_: unknown, a: MutationSearchContactsArgs, ctx: GraphqlContext) =>
        contacts.searchContacts(deps, actorOf(ctx), checkInput(SearchContactsSchema, withoutNulls(a.input ?? {}))),
    },
  };
  const policies: FieldPolicies = {
    'Query.contacts': { action: 'read', subject: 'Contact' },
    'Query.contact': { action: 'read', subject: 'Contact' },
    'Mutation.createContact': { action: 'create', subject: 'Contact' },
    'Mutation.updateContact': { action: 'update', subject: 'Contact' },
    'Mutation.deleteContact': { action: 'delete', subject: 'Contact' },
    'Mutation.searchContacts': { action: 'read_phi', subject: 'Contact' },
  };
  return { resolvers: resolvers as unknown as IResolvers, policies };
}
