// Start-up check: issuers registered with an http:// JWKS URL while ALLOW_HTTP_JWKS was on
// (local testing) stay in the database after the flag is turned off, and every one of their
// tokens is then refused. The operator hears about each at start-up, by issuer and tenant id
// (never the URL, whose query string could hold a secret), instead of finding out from
// partners' 401s.

export interface RegisteredJwks {
  id: string;
  tenantId: string;
  jwksUri: string;
}

export interface HttpJwksCheckInput {
  /** ALLOW_HTTP_JWKS: when on, http to a loopback host is accepted and nothing is reported */
  allowHttpJwks: boolean;
  /** every registered issuer, all tenants (owner connection) */
  listIssuers: () => Promise<readonly RegisteredJwks[]>;
  log: { warn(obj: object, msg: string): void };
}

export function usesHttp(jwksUri: string): boolean {
  return /^http:/i.test(jwksUri.trim());
}

/** Logs one warning per issuer whose JWKS URL uses http; returns their ids. */
export async function warnAboutHttpJwksIssuers(input: HttpJwksCheckInput): Promise<string[]> {
  if (input.allowHttpJwks) return [];
  const refused = (await input.listIssuers()).filter((i) => usesHttp(i.jwksUri));
  for (const issuer of refused)
    input.log.warn(
      { issuerId: issuer.id, tenantId: issuer.tenantId },
      "a trusted issuer's JWKS URL uses http, which this server refuses without ALLOW_HTTP_JWKS (local testing only): " +
        'its tokens will be refused until the tenant admin sets an https JWKS URL (PATCH /v1/tenant/issuers/{id})',
    );
  return refused.map((i) => i.id);
}
