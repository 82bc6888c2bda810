// POST {endpoint}/v1/logs through the outbound URL guard (the webhook POST does the
// guarding: checked addresses only, pinned lookup, no redirects, bounded time). Only a
// 2xx acknowledges a batch; the caller advances its cursor on `acknowledged` alone.
// The sink's auth header is a secret: it goes on the wire and nowhere else (the outcome
// names a status or an error code, never the header or the answer's body).
import { postWebhook, type PostOutcome } from '../webhooks/webhook-post.js';
import type { OutboundUrlPolicy, HostLookup } from '../net/url-guard.js';
import type { AuditEvent } from '../audit/index.js';
import { toExportLogsRequest } from './otlp-logs.js';

export interface OtlpSinkTarget {
  /** base URL; '/v1/logs' is appended as the OTLP/HTTP spec says */
  endpoint: string;
  /** e.g. { authorization: 'Bearer …' }, unsealed just for this send */
  headers: Record<string, string>;
}

export interface OtlpExportOptions {
  policy: OutboundUrlPolicy;
  timeoutMs: number;
  lookup?: HostLookup | undefined;
}

export type OtlpExportOutcome = { acknowledged: true; status: number } | { acknowledged: false; outcome: PostOutcome };

export function logsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/logs`;
}

export async function exportBatch(
  target: OtlpSinkTarget,
  tenantId: string,
  events: readonly AuditEvent[],
  options: OtlpExportOptions,
): Promise<OtlpExportOutcome> {
  const body = JSON.stringify(toExportLogsRequest(tenantId, events));
  const outcome = await postWebhook(logsUrl(target.endpoint), target.headers, body, options);
  if ('status' in outcome && outcome.status >= 200 && outcome.status < 300)
    return { acknowledged: true, status: outcome.status };
  return { acknowledged: false, outcome };
}
