// Chained audit events as an OpenTelemetry logs export (OTLP/HTTP, JSON encoding): one
// ExportLogsServiceRequest per batch, one resource per tenant, one log record per event,
// in the order given (the streamer passes chain order). Audit events hold no PHI (field
// names only, never values), so every attribute here is safe to leave the building.
import type { AuditEvent } from '../audit/index.js';

type AnyValue = { stringValue: string } | { intValue: string };
interface KeyValue {
  key: string;
  value: AnyValue;
}

export interface OtlpLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: { stringValue: string };
  attributes: KeyValue[];
}

export interface ExportLogsServiceRequest {
  resourceLogs: Array<{
    resource: { attributes: KeyValue[] };
    scopeLogs: Array<{ scope: { name: string; version: string }; logRecords: OtlpLogRecord[] }>;
  }>;
}

const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
// OTLP JSON carries 64-bit integers as decimal strings
const int = (key: string, value: number): KeyValue => ({ key, value: { intValue: String(value) } });

/** INFO (9) for an allowed access, WARN (13) for a denial or error: SIEM rules key on severity. */
function severity(outcome: string): { severityNumber: number; severityText: string } {
  return outcome === 'allowed'
    ? { severityNumber: 9, severityText: 'INFO' }
    : { severityNumber: 13, severityText: 'WARN' };
}

function toLogRecord(event: AuditEvent, observedAt: Date): OtlpLogRecord {
  const attributes = [
    str('phidesk.audit.action', event.action),
    str('phidesk.audit.outcome', event.outcome),
    str('phidesk.audit.actor.id', event.actor.id),
    str('phidesk.audit.actor.kind', event.actor.kind),
    str('phidesk.audit.resource.type', event.resource.type),
    str('phidesk.audit.resource.id', event.resource.id),
    int('phidesk.audit.seq', event.seq),
    str('phidesk.audit.hash', event.hash),
    str('phidesk.audit.prev_hash', event.prevHash),
    str('phidesk.audit.event_id', event.id),
  ];
  if (event.reasonCode) attributes.push(str('phidesk.audit.reason_code', event.reasonCode));
  return {
    timeUnixNano: `${BigInt(Date.parse(event.occurredAt)) * 1_000_000n}`,
    observedTimeUnixNano: `${BigInt(observedAt.getTime()) * 1_000_000n}`,
    ...severity(event.outcome),
    body: { stringValue: event.action },
    attributes,
  };
}

/** One tenant's batch of chained events, in the order given. */
export function toExportLogsRequest(
  tenantId: string,
  events: readonly AuditEvent[],
  observedAt: Date = new Date(),
): ExportLogsServiceRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: [str('service.name', 'phidesk'), str('phidesk.tenant.id', tenantId)] },
        scopeLogs: [
          {
            scope: { name: 'phidesk.audit', version: '1' },
            logRecords: events.map((e) => toLogRecord(e, observedAt)),
          },
        ],
      },
    ],
  };
}
