// Writes a parameterised statement's values into its text, so that it can travel in one
// simple-protocol message together with other statements (the tenant scope before it,
// COMMIT after it): one round trip where the extended protocol needs one per statement.
//
// Each value becomes exactly what the extended protocol would have sent for it (pg's own
// prepareValue), as a quoted literal (pg's own escapeLiteral). PostgreSQL types a quoted
// literal as `unknown` and resolves it from context, as it does an untyped parameter, so
// the statement means the same. Placeholders are found with PostgreSQL's lexical rules, so
// a `$1` inside a string, a quoted identifier or a comment is left alone.
import pg from 'pg';

// pg's own conversion of a parameter to what it sends (not in its type declarations)
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils;

/** The literal PostgreSQL reads as the value pg would have bound. */
export function literal(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  // pg sends a Buffer as binary; as text, bytea reads the hex form
  const text = Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : String(prepared);
  // The simple protocol ends the query text at a NUL; PostgreSQL refuses NUL in text values
  // anyway, so refuse it here, as the server would, before it can cut a statement short.
  if (text.includes('\u0000')) throw new InlineValueError();
  return pg.escapeLiteral(text);
}

/** A value the simple protocol cannot carry (PostgreSQL rejects it in text as well). */
export class InlineValueError extends Error {
  readonly code = '22021'; // character_not_in_repertoire, what PostgreSQL answers for a NUL
  constructor() {
    super('a statement parameter holds a NUL character');
  }
}

const isIdentChar = (c: string) => /[A-Za-z0-9_\u0080-\uffff]/.test(c);

/** The end (exclusive) of a quoted run that starts at `i` and closes with `quote`; `''` (or `""`) escapes. */
function skipQuoted(text: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (backslashEscapes && c === '\\') j += 2;
    else if (c === quote && text[j + 1] === quote) j += 2;
    else if (c === quote) return j + 1;
    else j++;
  }
  throw new Error('unterminated quoted text in a statement');
}

function skipBlockComment(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    if (text.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (text.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  throw new Error('unterminated comment in a statement');
}

/**
 * `sql` with every `$n` placeholder replaced by the literal of `parameters[n - 1]`. Throws
 * when a placeholder has no parameter, so a statement is never sent half-filled.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  if (parameters.length === 0) return sql;
  let out = '';
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const prev = i > 0 ? sql[i - 1]! : '';
    if (c === "'") {
      const escapes = (prev === 'E' || prev === 'e') && !isIdentChar(sql[i - 2] ?? '');
      i = skipQuoted(sql, i, "'", escapes);
    } else if (c === '"') i = skipQuoted(sql, i, '"', false);
    else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') i = skipBlockComment(sql, i);
    else if (c === '$' && !isIdentChar(prev)) {
      const param = /^\$(\d+)/.exec(sql.slice(i, i + 8));
      const tag = param ? null : /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66));
      if (param) {
        const index = Number(param[1]) - 1;
        if (index < 0 || index >= parameters.length) throw new Error(`no value for placeholder $${param[1]}`);
        out += sql.slice(start, i) + literal(parameters[index]);
        i += param[0].length;
        start = i;
      } else if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close === -1) throw new Error('unterminated dollar-quoted text in a statement');
        i = close + tag[0].length;
      } else i++;
    } else i++;
  }
  return out + sql.slice(start);
}
