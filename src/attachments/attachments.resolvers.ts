// GraphQL adapter for attachments: metadata only (the content is downloaded over REST),
// each resolver one call into the same service as the REST routes.
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type { QueryAttachmentArgs, QueryTicketAttachmentsArgs } from '../graphql/generated/schema-types.js';
import { pageOf, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import * as attachments from './attachments.service.js';

export function attachmentsGraphql(deps: attachments.AttachmentsDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      ticketAttachments: (_: unknown, a: QueryTicketAttachmentsArgs, ctx: GraphqlContext) =>
        attachments.listTicketAttachments(deps, actorOf(ctx), a.ticketId, pageOf(a)),
      attachment: (_: unknown, a: QueryAttachmentArgs, ctx: GraphqlContext) =>
        attachments.getAttachment(deps, actorOf(ctx), a.id),
    },
    Attachment: {
      contentUrl: (a: attachments.AttachmentView) => `/v1/attachments/${a.id}/content`,
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.ticketAttachments': { action: 'read', subject: 'Ticket' },
      'Query.attachment': { action: 'read', subject: 'Ticket' },
    },
  };
}
