// If-None-Match on GETs of single records (RFC 9110 §13.1.2): a client that holds a
// representation sends its ETag back and gets 304 Not Modified, no body, while the record
// is unchanged. The comparison is the weak one the RFC prescribes for If-None-Match
// (W/"v3" matches "v3"), `*` matches any current representation, and a list of tags
// matches when any of them does. Text that is not a tag is ignored (a full 200 is always
// a safe answer).

/** The opaque tags (quotes kept, W/ dropped) of an If-None-Match field value; `*` alone is ['*']. */
export function parseEntityTags(header: string): string[] {
  if (header.trim() === '*') return ['*'];
  // entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc excludes DQUOTE, so a tag ends at the next quote
  return [...header.matchAll(/(?:W\/)?("[^"]*")/g)].map((m) => m[1]!);
}

/** Whether If-None-Match names the current ETag (weak comparison), so a GET answers 304. */
export function noneMatchFails(ifNoneMatch: string | undefined, currentEtag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = currentEtag.replace(/^W\//, '');
  return parseEntityTags(ifNoneMatch).some((t) => t === '*' || t === opaque);
}
