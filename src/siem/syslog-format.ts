// Chained audit events as syslog messages (RFC 5424), framed by octet counting (RFC 6587
// section 3.4.1, which RFC 5425 requires over TLS): "<length> <message>" back to back.
// Facility 13 (log audit); severity informational for an allowed access, warning for a
// denial or an error. The chain attributes travel as structured data under the
// documentation enterprise number 32473 (RFC 5612), and the whole event (no PHI: field
// names and ids, never values) as the JSON message, so the SIEM can check the chain.
import type { AuditEvent } from '../audit/index.js';

const FACILITY_LOG_AUDIT = 13;
const SD_ID = 'phidesk@32473';

/** PARAM-VALUE escaping (RFC 5424 section 6.3.3): '"', '\' and ']' are backslash-escaped. */
export const escapeParam = (value: string): string => value.replace(/["\\\]]/g, (c) => `\\${c}`);

/** PRINTUSASCII without spaces, at most `max` characters, '-' when empty (HOSTNAME, APP-NAME, MSGID). */
const header = (value: string, max: number): string => value.replace(/[^\x21-\x7e]/g, '_').slice(0, max) || '-';

export function toSyslogMessage(tenantId: string, event: AuditEvent, hostname = 'phidesk'): string {
  const severity = event.outcome === 'allowed' ? 6 : 4;
  const params: Array<[string, string]> = [
    ['tenant', tenantId],
    ['seq', String(event.seq)],
    ['eventId', event.id],
    ['hash', event.hash],
    ['prevHash', event.prevHash],
    ['outcome', event.outcome],
    ['actorId', event.actor.id],
    ['actorKind', event.actor.kind],
    ['resourceType', event.resource.type],
    ['resourceId', event.resource.id],
  ];
  const sd = `[${SD_ID} ${params.map(([k, v]) => `${k}="${escapeParam(v)}"`).join(' ')}]`;
  const pri = FACILITY_LOG_AUDIT * 8 + severity;
  return `<${pri}>1 ${event.occurredAt} ${header(hostname, 255)} phidesk - ${header(event.action, 32)} ${sd} ${JSON.stringify(event)}`;
}

/** One batch as octet-counted frames: "<byte length> <message>" per event, in the order given. */
export function octetCounted(messages: readonly string[]): Buffer {
  return Buffer.concat(
    messages.map((m) => {
      const body = Buffer.from(m, 'utf8');
      return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
    }),
  );
}

/** Splits octet-counted frames back into messages (receivers in tests); throws on a malformed frame. */
export function parseOctetCounted(data: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = Number(data.subarray(at, space).toString('ascii'));
    if (space < 0 || !Number.isSafeInteger(length) || length < 1) throw new Error('malformed frame');
    out.push(data.subarray(space + 1, space + 1 + length).toString('utf8'));
    at = space + 1 + length;
  }
  return out;
}
