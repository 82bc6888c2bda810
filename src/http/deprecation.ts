// Deprecation and sunset notices on REST routes (docs/versioning.md). A route declares
// `config: { deprecated: { since, sunset, link } }` and every answer it gives, errors included,
// carries:
//   Deprecation: @<epoch seconds>             (RFC 9745: a structured-field Date)
//   Sunset: <IMF-fixdate>                      (RFC 8594: when the route stops answering)
//   Link: <docs>; rel="deprecation"; type="text/html"
// The notice is checked when the route is added, so a malformed date or a notice period
// shorter than the policy's minimum stops start-up instead of reaching callers.
import type { FastifyInstance, onSendHookHandler, RouteOptions } from 'fastify';

export interface DeprecationNotice {
  /** when the route became deprecated: an ISO 8601 date or date-time */
  since: string;
  /** when it stops being served: an ISO 8601 date or date-time, at least minimumNoticeDays after `since` */
  sunset?: string;
  /** the page that says what to use instead (absolute https URL) */
  link: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** marks the route deprecated: its answers carry Deprecation, Sunset and Link headers */
    deprecated?: DeprecationNotice;
  }
}

/** The policy's minimum time between a deprecation and its sunset (docs/versioning.md). */
export const minimumNoticeDays = 180;
const dayMs = 24 * 60 * 60 * 1000;

function parseDate(value: string, field: string, route: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new Error(`route ${route}: deprecated.${field} must be an ISO 8601 date, got ${JSON.stringify(value)}`);
  return date;
}

/** The headers a deprecated route sends; throws when the notice breaks the policy. */
export function deprecationHeaders(notice: DeprecationNotice, route = 'route'): Record<string, string> {
  const since = parseDate(notice.since, 'since', route);
  if (!/^https:\/\/\S+$/.test(notice.link))
    throw new Error(`route ${route}: deprecated.link must be an absolute https URL to the migration notes`);
  const headers: Record<string, string> = {
    deprecation: `@${Math.floor(since.getTime() / 1000)}`,
    link: `<${notice.link}>; rel="deprecation"; type="text/html"`,
  };
  if (notice.sunset !== undefined) {
    const sunset = parseDate(notice.sunset, 'sunset', route);
    if (sunset.getTime() - since.getTime() < minimumNoticeDays * dayMs)
      throw new Error(`route ${route}: a sunset must come at least ${minimumNoticeDays} days after the deprecation`);
    headers['sunset'] = sunset.toUTCString();
  }
  return headers;
}

/** Register before any route: each deprecated route gets an onSend hook adding its notice. */
export function registerDeprecationNotices(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const notice = route.config?.deprecated;
    if (!notice) return;
    const headers = deprecationHeaders(notice, `${String(route.method)} ${route.url}`);
    const addNotice: onSendHookHandler = async (_request, reply, payload) => {
      for (const [name, value] of Object.entries(headers)) {
        // a Link the route set itself (e.g. pagination) is kept: link values are a list
        const existing = name === 'link' ? reply.getHeader('link') : undefined;
        reply.header(name, existing ? `${String(existing)}, ${value}` : value);
      }
      return payload;
    };
    const own = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    route.onSend = [...own, addNotice];
  });
}
