// Relay on top of the services' pages: global ids and Query.node (Global Object
// Identification), and cursor connections (edges, pageInfo) over the `{ items, nextCursor }`
// every list service returns. Nothing here reads data itself: node(id:) hands the id to the
// type's own by-id query field, gated as that field is (CASL, tenant, denial and read audit).
import { type GraphQLFieldResolver, type GraphQLSchema, getNamedType, isInterfaceType, isObjectType } from 'graphql';
import { AppError } from '../errors.js';
import { isUuid } from '../ids.js';
import { encodeCursor, type Page } from '../services/pagination.js';

/** The by-id query field that reads each Node type: node(id:) is exactly that field. */
export const nodeQueryFields: Readonly<Record<string, string>> = {
  Ticket: 'ticket',
  Contact: 'contact',
  User: 'user',
  Group: 'group',
  ApiKey: 'apiKey',
  Attachment: 'attachment',
  BusinessAssociateAgreement: 'businessAssociateAgreement',
  WebhookEndpoint: 'webhookEndpoint',
  SiemSink: 'siemSink',
  AccessRequest: 'accessRequest',
  AccountingRequest: 'accountingRequest',
  AuditVerificationJob: 'auditVerificationJob',
  ReviewFinding: 'reviewFinding',
  Incident: 'incident',
};

/** base64url of "<Type>:<uuid>": opaque to callers, stable for an object. */
export const toGlobalId = (type: string, id: string): string => Buffer.from(`${type}:${id}`).toString('base64url');

/** The type and raw id a global id names, or undefined when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; id: string } | undefined {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const at = text.indexOf(':');
  const type = text.slice(0, at);
  const id = text.slice(at + 1);
  return at > 0 && Object.hasOwn(nodeQueryFields, type) && isUuid(id) ? { type, id } : undefined;
}

type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;

/** What node(id:) found is typed by the global id it was asked with (Node.resolveType). */
const nodeTypeOf = new WeakMap<object, string>();

/**
 * Query.node: decodes the global id and calls the type's by-id query field as installed
 * (gated), so permission, tenant scoping and audit are that field's. An id that is not a
 * global id is NOT_FOUND, as is another tenant's object (its service answers NOT_FOUND).
 */
export function nodeResolver(gatedQuery: () => Record<string, unknown>): Resolver {
  return async (root, args, ctx, info) => {
    const target = typeof args['id'] === 'string' ? fromGlobalId(args['id']) : undefined;
    const field = target && gatedQuery()[nodeQueryFields[target.type]!];
    if (!target || typeof field !== 'function') throw new AppError('NOT_FOUND', 'Nothing has this id.');
    const found: unknown = await (field as Resolver)(root, { id: target.id }, ctx, info);
    if (found && typeof found === 'object') nodeTypeOf.set(found, target.type);
    return found;
  };
}

// Where a page resolver finds the `after` its list was asked with (for hasPreviousPage).
const afterKey = Symbol('after');
type AskedPage = Page<{ id: string }> & { [afterKey]?: string | undefined };

/** The cursor that starts the page after this item: what the list's service would return as nextCursor. */
function cursorFor(pageType: string): (item: Record<string, unknown>) => string {
  // the audit trail pages by chain position (src/audit/audit.service.ts's seq cursor)
  if (pageType === 'AuditEventPage')
    return (item) => Buffer.from(`v1:seq:${String(item['seq'])}`).toString('base64url');
  return (item) => encodeCursor(String(item['id']));
}

/** Connection fields of a page type, computed from its service page. */
function connectionFields(pageType: string): Record<string, Resolver> {
  const cursorOf = cursorFor(pageType);
  // The last edge's cursor is the service's own nextCursor when there is one: a list in a
  // chosen order (tickets' orderBy) binds its cursors to that order, which only it can encode.
  const edgesOf = (page: AskedPage) =>
    page.items.map((node, i) => ({
      node,
      cursor: i === page.items.length - 1 && page.nextCursor ? page.nextCursor : cursorOf(node),
    }));
  return {
    edges: (page) => edgesOf(page as AskedPage),
    nodes: (page) => (page as AskedPage).items,
    pageInfo: (page) => {
      const p = page as AskedPage;
      const edges = edgesOf(p);
      return {
        hasNextPage: p.nextCursor !== null,
        hasPreviousPage: p[afterKey] !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      };
    },
  };
}

const isConnection = (schema: GraphQLSchema, name: string): boolean => {
  const type = schema.getType(name);
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
};

/**
 * The resolvers Relay needs, added to an area's: every connection type's edges, nodes and
 * pageInfo; every Node type's globalId; Node's resolveType; and each field returning a
 * connection remembers its `after` on the page it returns.
 */
export function withRelay(resolvers: Record<string, Record<string, unknown>>, schema: GraphQLSchema) {
  const out: Record<string, Record<string, unknown>> = { ...resolvers };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const own = { ...(out[type.name] ?? {}) };
    if (isConnection(schema, type.name)) Object.assign(own, connectionFields(type.name));
    if (type.getInterfaces().some((i) => i.name === 'Node'))
      own['globalId'] = (o: { id: string }) => toGlobalId(type.name, o.id);
    for (const [name, field] of Object.entries(type.getFields())) {
      const resolve = own[name];
      if (typeof resolve !== 'function' || !isConnection(schema, getNamedType(field.type).name)) continue;
      own[name] = async (...a: Parameters<Resolver>) => {
        const page = (await (resolve as Resolver)(...a)) as AskedPage | null;
        const after = a[1]['after'] ?? a[1]['cursor'];
        return page && { ...page, [afterKey]: typeof after === 'string' ? after : undefined };
      };
    }
    if (Object.keys(own).length > 0) out[type.name] = own;
  }
  const node = schema.getType('Node');
  if (isInterfaceType(node)) out['Node'] = { resolveType: (o: object) => nodeTypeOf.get(o) };
  return out;
}
