// A batch of syslog messages over TLS (RFC 5425), through the outbound-URL guard: the
// endpoint (tls://host:port) is checked as https://host:port would be, its name resolved
// and every address checked on every send, and the connection goes to a checked address
// only. The receiver's certificate is verified (against the sink's own CA when it has
// one, else the system's). Syslog has no acknowledgement of its own: a batch counts as
// acknowledged when the receiver, having read it to the end of the stream (we half-close
// after writing), closes its side cleanly. A receiver that never closes times out, and
// the batch is sent again (at least once).
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { bareHost, checkOutboundUrl, UrlNotAllowedError } from '../net/url-guard.js';
import type { AuditEvent } from '../audit/index.js';
import type { OtlpExportOptions, OtlpExportOutcome } from './otlp-export.js';
import { octetCounted, toSyslogMessage } from './syslog-format.js';

export interface SyslogSinkTarget {
  /** tls://host:port */
  endpoint: string;
  /** PEM of the CA that signed the receiver's certificate; null: the system's CAs */
  caPem: string | null;
}

/** The https URL the guard judges for a tls:// endpoint (same host and port); undefined when it is not one. */
export function guardUrlOf(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'tls:' || !url.hostname || !url.port || url.pathname.replace(/^\/$/, '') || url.search)
    return undefined;
  if (url.username || url.password) return `https://${url.username}@${url.host}/`; // refused by the guard
  return `https://${url.host}/`;
}

export async function sendSyslogBatch(
  target: SyslogSinkTarget,
  tenantId: string,
  events: readonly AuditEvent[],
  options: OtlpExportOptions,
): Promise<OtlpExportOutcome> {
  const guardUrl = guardUrlOf(target.endpoint);
  if (!guardUrl) return { acknowledged: false, outcome: { error: 'url_refused' } };
  let checked: Awaited<ReturnType<typeof checkOutboundUrl>>;
  try {
    checked = await checkOutboundUrl(guardUrl, options.policy, options.lookup);
  } catch (e) {
    if (e instanceof UrlNotAllowedError) return { acknowledged: false, outcome: { error: 'url_refused' } };
    throw e;
  }
  const host = bareHost(checked.url);
  const payload = octetCounted(events.map((e) => toSyslogMessage(tenantId, e)));
  let timedOut = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const socket = connect({
        host: checked.addresses[0]!.address,
        port: Number(checked.url.port),
        servername: isIP(host) ? undefined : host,
        ca: target.caPem ?? undefined,
      });
      const timer = setTimeout(() => {
        timedOut = true;
        socket.destroy(new Error('timeout'));
      }, options.timeoutMs);
      let written = false;
      let ended = false;
      socket.once('secureConnect', () => socket.end(payload));
      socket.once('finish', () => (written = true)); // every byte handed to TLS and flushed
      socket.once('end', () => (ended = true)); // the receiver read to our end and closed its side
      socket.once('error', reject);
      socket.resume(); // whatever the receiver says is read and dropped
      socket.once('close', (hadError) => {
        clearTimeout(timer);
        if (!hadError && written && ended) resolve();
        else reject(new Error('closed early'));
      });
    });
    return { acknowledged: true, status: 0 };
  } catch {
    return { acknowledged: false, outcome: { error: timedOut ? 'timeout' : 'network' } };
  }
}
