// SIEM sinks: tenant admins register where the tenant's chained audit events are streamed
// (an OTLP/HTTP collector: endpoint and optional headers such as an auth token, sealed),
// change, disable or remove them, and read how far behind each is. The endpoint passes
// the outbound-URL guard here and again at every send (otlp-export.ts via webhook-post.ts).
import { randomUUID, X509Certificate } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import type { SiemSinkKind } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { checkOutboundUrl, UrlNotAllowedError, type HostLookup, type OutboundUrlPolicy } from '../net/url-guard.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import { cryptoForWrite } from '../services/seal-failures.js';
import { headerNames, headersPlace, headersProblem } from './siem-sinks.sealing.js';
import * as repo from './siem-sinks.repository.js';
import { guardUrlOf } from './syslog-export.js';

export type SiemDeps = ServiceDeps & {
  keyring: Keyring;
  urlPolicy: OutboundUrlPolicy;
  lookup?: HostLookup | undefined;
};

export interface SinkDelivery {
  /** last seq of the tenant's chain the receiver acknowledged */
  cursorSeq: number;
  /** last seq of the tenant's chain */
  headSeq: number;
  lagEvents: number;
  /** since the oldest event not yet acknowledged was chained (0 when caught up) */
  lagSeconds: number;
  lastAckAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: Date;
}

export interface SiemSinkView {
  id: string;
  kind: SiemSinkKind;
  endpoint: string;
  description: string | null;
  headerNames: string[];
  caPem: string | null;
  enabled: boolean;
  delivery: SinkDelivery;
  createdAt: Date;
  updatedAt: Date;
}

export interface SinkInput {
  kind: SiemSinkKind;
  endpoint: string;
  description?: string | null | undefined;
  headers?: Record<string, string> | undefined;
  /** syslog_tls: PEM of the CA that signed the receiver's certificate */
  caPem?: string | null | undefined;
  enabled?: boolean | undefined;
}

async function present(s: Scope, r: repo.SinkRow, head: number): Promise<SiemSinkView> {
  const unsentAt = head > r.cursor_seq ? await repo.firstUnsentAt(s.tx, s.actor.tenantId, r.cursor_seq) : undefined;
  return {
    id: r.id,
    kind: r.kind,
    endpoint: r.endpoint,
    description: r.description,
    headerNames: r.header_names,
    caPem: r.tls_ca_pem,
    enabled: r.enabled,
    delivery: {
      cursorSeq: r.cursor_seq,
      headSeq: head,
      lagEvents: Math.max(0, head - r.cursor_seq),
      lagSeconds: unsentAt ? Math.max(0, Math.round((Date.now() - unsentAt.getTime()) / 1000)) : 0,
      lastAckAt: r.last_ack_at,
      lastAttemptAt: r.last_attempt_at,
      lastError: r.last_error,
      consecutiveFailures: r.consecutive_failures,
      nextAttemptAt: r.next_attempt_at,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const allowed = (action: Parameters<Scope['record']>[0]['action'], id: string) =>
  ({ action, resourceType: 'SiemSink', resourceId: id, outcome: 'allowed' }) as const;

/** The guard's verdict before any transaction opens (it may resolve names); a refusal is audited. */
async function assertUrlAllowed(deps: SiemDeps, actor: Actor, url: string, id?: string): Promise<void> {
  try {
    // a syslog endpoint (tls://host:port) is judged as https://host:port would be
    const judged = url.startsWith('tls:') ? guardUrlOf(url) : url;
    if (judged === undefined) throw new UrlNotAllowedError('invalid_url', 'A syslog endpoint is tls://host:port.');
    await checkOutboundUrl(judged, deps.urlPolicy, deps.lookup);
  } catch (e) {
    if (!(e instanceof UrlNotAllowedError)) throw e;
    const action = id ? 'siem_sink.update' : 'siem_sink.create';
    await deps.audit.writeDetached(actor.tenantId, actor, [
      { action, resourceType: 'SiemSink', resourceId: id, outcome: 'denied', reasonCode: `URL_${e.reason}` },
    ]);
    throw new AppError('UNPROCESSABLE', e.message, [{ pointer: '/endpoint', detail: e.reason }]);
  }
}

const invalid = (pointer: string, message: string, detail: string) =>
  new AppError('VALIDATION_FAILED', message, [{ pointer, detail }]);

/** The kind an endpoint is for: tls:// is syslog over TLS, anything else OTLP/HTTP (the guard judges it). */
const kindOfEndpoint = (endpoint: string): SiemSinkKind => (endpoint.startsWith('tls:') ? 'syslog_tls' : 'otlp_http');

/** Fields that must fit the sink's kind: headers are OTLP's, a CA is syslog's, and the endpoint's scheme says which. */
function assertFitsKind(kind: SiemSinkKind, input: Partial<SinkInput>): void {
  if (input.endpoint !== undefined && kindOfEndpoint(input.endpoint) !== kind)
    throw invalid(
      '/endpoint',
      'The endpoint does not fit the sink kind.',
      kind === 'syslog_tls' ? 'tls://host:port' : 'https URL',
    );
  if (kind === 'syslog_tls' && input.headers && Object.keys(input.headers).length > 0)
    throw invalid('/headers', 'A syslog sink sends no headers.', 'only for otlp_http');
  if (kind === 'otlp_http' && input.caPem)
    throw invalid('/caPem', 'Only a syslog sink takes a CA.', 'only for syslog_tls');
}

function assertInput(input: Partial<SinkInput>): void {
  if (input.caPem) {
    try {
      new X509Certificate(input.caPem);
    } catch {
      throw invalid('/caPem', 'caPem is not a PEM certificate.', 'a PEM certificate');
    }
  }
  const problem = input.headers ? headersProblem(input.headers) : null;
  if (problem)
    throw new AppError('VALIDATION_FAILED', 'The headers are not valid.', [{ pointer: '/headers', detail: problem }]);
}

async function visibleSink(s: Scope, id: string): Promise<repo.SinkRow> {
  s.assertCan('read', 'SiemSink');
  const row = isUuid(id) ? await repo.getSink(s.tx, id) : undefined;
  if (!row) throw notFound('SIEM sink');
  return row;
}

async function sealedHeaders(deps: SiemDeps, s: Scope, id: string, headers: Record<string, string>) {
  const crypto = await cryptoForWrite(deps, s.actor);
  return {
    header_names: headerNames(headers),
    headers_sealed: crypto.seal(headersPlace(id), JSON.stringify(headers)),
    key_version: crypto.activeVersion,
  };
}

export async function listSinks(deps: SiemDeps, actor: Actor, page: PageRequest): Promise<Page<SiemSinkView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'SiemSink');
    const result = await paginate(repo.selectSinks(s.tx), 'siem_sinks', page);
    const head = await repo.chainHead(s.tx, actor.tenantId);
    const items: SiemSinkView[] = [];
    for (const r of result.items) {
      s.record(allowed('siem_sink.read', r.id));
      items.push(await present(s, r, head));
    }
    return { items, nextCursor: result.nextCursor };
  });
}

export async function getSink(deps: SiemDeps, actor: Actor, id: string): Promise<SiemSinkView> {
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleSink(s, id);
    s.record(allowed('siem_sink.read', id));
    return present(s, row, await repo.chainHead(s.tx, actor.tenantId));
  });
}

export async function createSink(deps: SiemDeps, actor: Actor, input: SinkInput): Promise<SiemSinkView> {
  assertInput(input);
  assertFitsKind(input.kind, input);
  await assertUrlAllowed(deps, actor, input.endpoint);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'SiemSink');
    const id = randomUUID();
    const row = await repo.insertSink(s.tx, {
      id,
      tenant_id: actor.tenantId,
      kind: input.kind,
      created_by: actor.id,
      endpoint: input.endpoint,
      description: input.description ?? null,
      tls_ca_pem: input.caPem ?? null,
      ...(await sealedHeaders(deps, s, id, input.headers ?? {})),
    });
    s.record(allowed('siem_sink.create', id));
    return present(s, row, await repo.chainHead(s.tx, actor.tenantId));
  });
}

export async function updateSink(
  deps: SiemDeps,
  actor: Actor,
  id: string,
  input: Partial<Omit<SinkInput, 'kind'>>,
): Promise<SiemSinkView> {
  assertInput(input);
  if (input.endpoint !== undefined) await assertUrlAllowed(deps, actor, input.endpoint, id);
  return inTenant(deps, actor, async (s) => {
    const current = await visibleSink(s, id);
    s.assertCan('update', 'SiemSink', { id });
    assertFitsKind(current.kind, input);
    const row = await repo.updateSink(s.tx, id, {
      ...(input.caPem !== undefined ? { tls_ca_pem: input.caPem } : {}),
      ...(input.endpoint !== undefined ? { endpoint: input.endpoint } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.headers !== undefined ? await sealedHeaders(deps, s, id, input.headers) : {}),
    });
    s.record(allowed('siem_sink.update', id));
    return present(s, row, await repo.chainHead(s.tx, actor.tenantId));
  });
}

export async function deleteSink(deps: SiemDeps, actor: Actor, id: string): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    await visibleSink(s, id);
    s.assertCan('delete', 'SiemSink', { id });
    await repo.deleteSink(s.tx, id);
    s.record(allowed('siem_sink.delete', id));
  });
}
