// GraphQL adapter for SIEM sinks: each resolver is one call into the same service as the
// REST routes (same policy, URL guard, sealing of headers and audit). Headers come as a
// list of name/value pairs (GraphQL has no map) and become the service's record.
import type { IResolvers } from 'mercurius';
import { AppError } from '../errors.js';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreateSiemSinkArgs,
  MutationDeleteSiemSinkArgs,
  MutationUpdateSiemSinkArgs,
  QuerySiemSinkArgs,
  QuerySiemSinksArgs,
  SiemSinkHeaderInput,
} from '../graphql/generated/schema-types.js';
import { pageOf, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { SiemSinkKind } from '../db/database.js';
import * as siem from './siem-sinks.service.js';

type Ctx = GraphqlContext;

function headersOf(list: readonly SiemSinkHeaderInput[] | null | undefined): Record<string, string> | undefined {
  if (list == null) return undefined;
  const out: Record<string, string> = {};
  for (const h of list) {
    if (Object.hasOwn(out, h.name))
      throw new AppError('VALIDATION_FAILED', 'The headers are not valid.', [
        { pointer: '/headers', detail: 'a header is named twice' },
      ]);
    out[h.name] = h.value;
  }
  return out;
}

function kindOf(kind: string): SiemSinkKind {
  if (kind === 'otlp_http' || kind === 'syslog_tls') return kind;
  throw new AppError('VALIDATION_FAILED', 'kind must be otlp_http or syslog_tls.', [
    { pointer: '/kind', detail: 'otlp_http or syslog_tls' },
  ]);
}

// null (explicit) and undefined (absent) both leave a non-nullable field unchanged
const given = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

export function siemSinksGraphql(deps: siem.SiemDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      siemSinks: (_: unknown, a: QuerySiemSinksArgs, ctx: Ctx) => siem.listSinks(deps, actorOf(ctx), pageOf(a)),
      siemSink: (_: unknown, a: QuerySiemSinkArgs, ctx: Ctx) => siem.getSink(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      createSiemSink: (_: unknown, { input }: MutationCreateSiemSinkArgs, ctx: Ctx) =>
        siem.createSink(deps, actorOf(ctx), {
          kind: kindOf(input.kind),
          endpoint: input.endpoint,
          description: input.description,
          headers: headersOf(input.headers),
          caPem: input.caPem,
        }),
      updateSiemSink: (_: unknown, { id, input }: MutationUpdateSiemSinkArgs, ctx: Ctx) =>
        siem.updateSink(deps, actorOf(ctx), id, {
          endpoint: given(input.endpoint),
          description: input.description,
          headers: headersOf(input.headers),
          caPem: input.caPem,
          enabled: given(input.enabled),
        }),
      deleteSiemSink: async (_: unknown, a: MutationDeleteSiemSinkArgs, ctx: Ctx) => {
        await siem.deleteSink(deps, actorOf(ctx), a.id);
        return true;
      },
    },
  };
  const gate = (action: 'read' | 'create' | 'update' | 'delete') => ({ action, subject: 'SiemSink' }) as const;
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.siemSinks': gate('read'),
      'Query.siemSink': gate('read'),
      'Mutation.createSiemSink': gate('create'),
      'Mutation.updateSiemSink': gate('update'),
      'Mutation.deleteSiemSink': gate('delete'),
    },
  };
}
