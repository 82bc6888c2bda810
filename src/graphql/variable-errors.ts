// Variable coercion errors quote the refused value, which may be PHI: graphql-js writes
// 'Variable "$input" got invalid value "Jane" at "input.status"; Value "Jane" does not exist in
// "TicketStatus" enum.', and graphql-jit (documents seen twice, src/graphql/setup.ts) writes
// 'Variable "$status" got invalid value "Jane"; Expected type TicketStatus.', naming a nested
// field as if it were a variable. This reads only what is not the value (the location and the
// kind of rule) into a message and an `errors` entry shaped like every other (ErrorDetail).
import type { ErrorDetail } from '../errors.js';

const name = '[A-Za-z_][A-Za-z0-9_]*';
const coercionMessage = new RegExp(`^Variable "\\$(${name})" got invalid value`);
// either library may add ' Did you mean "open"?': schema names, never the value
const suggestion = `(?: Did you mean (?:the enum value |the field )?(?:"${name}"(?:, | or |, or )?)+\\?)?`;
// the location graphql-js appends after the value: at "input.tags[0]";
const location = (variable: string) => new RegExp(` at "${variable}((?:\\.${name}|\\[\\d+\\])*)"; `, 'g');

/** `.externalRefs[0].system` -> `/externalRefs/0/system` */
const toPointer = (path: string): string => path.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/');

/**
 * What the rule wants, from the wording at the end of the message (after the value), and the
 * field it names when it names one (a path below the variable); never the value itself.
 */
function ruleOf(message: string): { detail: string; field?: string } {
  const required =
    new RegExp(`; Field "(${name})" of required type "[^"]*" was not provided\\.$`).exec(message) ??
    new RegExp(`; Field value((?:\\.${name})+) of required type \\S+ was not provided\\.$`).exec(message);
  if (required) return { detail: 'is required', field: required[1]!.replace(/^\./, '') };
  const unknown = new RegExp(`; Field "(${name})" is not defined by type "?${name}"?\\.${suggestion}$`).exec(message);
  if (unknown) return { detail: 'is not a known field; remove it', field: unknown[1]! };
  const enumType = new RegExp(`does not exist in "(${name})" enum\\.${suggestion}$`).exec(message);
  if (enumType) return { detail: `must be a value of the ${enumType[1]} enum` };
  const scalar = new RegExp(`; (${name}) cannot represent [^;"]*$`).exec(message);
  if (scalar) return { detail: `must be ${scalar[1]}` };
  const expected = new RegExp(`; Expected type "?(${name})"?\\.?${suggestion}$`).exec(message);
  if (expected) return { detail: `must be ${expected[1]}` };
  if (/; Expected non-nullable type "?[^"]*"? not to be null\.$/.test(message)) return { detail: 'must not be null' };
  return { detail: 'is not valid here' };
}

/**
 * Where `key` occurs in the request's variables, when exactly once: graphql-jit names a nested
 * field by itself ("$status" for input.status), and a pointer must not guess.
 */
function findKey(variables: unknown, key: string): string | undefined {
  const found: string[] = [];
  const walk = (value: unknown, pointer: string, depth: number): void => {
    if (depth > 10 || found.length > 1 || value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      const here = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (k === key && depth > 0) found.push(here);
      walk(v, here, depth + 1);
    }
  };
  walk(variables, '', 0);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The safe message and entry of a variable coercion error, or undefined for other errors.
 * `variables` are the request's, to place graphql-jit's field-named errors.
 */
export function variableCoercionError(
  message: string,
  variables?: unknown,
): { message: string; detail: ErrorDetail } | undefined {
  const variable = coercionMessage.exec(message)?.[1];
  if (variable === undefined) return undefined;
  const rule = ruleOf(message);
  const field = rule.field ? toPointer(`.${rule.field}`) : '';
  // graphql-js: the last location (a quoted value cannot end the message with one of its own)
  const found = [...message.matchAll(location(variable))].at(-1);
  const isVariable = variables !== null && typeof variables === 'object' && Object.hasOwn(variables, variable);
  const base =
    found || isVariable || variables === undefined
      ? `/${variable}${toPointer(found?.[1] ?? '')}`
      : (findKey(variables, variable) ?? '');
  return {
    message: `Variable "$${base.split('/')[1] || variable}" has an invalid value.`,
    detail: { pointer: `/variables${base}${field}`, detail: rule.detail },
  };
}
