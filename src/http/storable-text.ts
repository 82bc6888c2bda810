// The one rule for text that may enter the service: it must be storable in PostgreSQL as
// sent. PostgreSQL's text types refuse U+0000 (a query carrying one fails, which used to
// surface as 500 INTERNAL), and an unpaired UTF-16 surrogate (JSON.parse yields one from
// "\ud800") is not Unicode at all: node-postgres encodes it as U+FFFD, so what would be
// stored is not what was sent. Every input is held to it in one place per transport
// (src/http/input-hygiene.ts for REST and GraphQL transport, src/graphql/setup.ts for
// GraphQL literals and variables, src/auth/token-claims.ts for JWT claims).
// Dependency-free on purpose, so every layer can use it.

// With the u flag a paired surrogate is one code point (not Cs); only a lone one matches.
// eslint-disable-next-line no-control-regex -- matching U+0000 is the point
const unstorable = /[\u0000\p{Cs}]/u;

/** Why a value was refused; never quotes the value. */
export const unstorableMessage = 'must not contain NUL (U+0000) or unpaired surrogate characters';

export function isStorableText(text: string): boolean {
  return !unstorable.test(text);
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * JSON pointer (below `base`) of the first string, or of the object holding the first
 * property name, in `value` that is not storable; undefined when every one is. Iterative,
 * because nesting depth is bounded only by the body limit and recursion could overflow.
 */
export function findUnstorable(value: unknown, base = ''): string | undefined {
  const stack: Array<[unknown, string]> = [[value, base]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (typeof node === 'string') {
      if (!isStorableText(node)) return pointer;
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const entries: Array<[string, unknown]> = Array.isArray(node)
      ? node.map((v, i) => [String(i), v])
      : Object.entries(node);
    // A bad property name is reported at its object: the pointer must not quote it.
    if (!Array.isArray(node) && entries.some(([key]) => !isStorableText(key))) return pointer;
    // Pushed in reverse so that the first offending field in document order is reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push([child, `${pointer}/${escapePointerToken(key)}`]);
    }
  }
  return undefined;
}
