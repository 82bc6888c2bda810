// Turns ajv's schema violations (Fastify's FST_ERR_VALIDATION) into the `errors` entries of a
// 400 VALIDATION_FAILED problem: every violation, not only the first (ajv runs with allErrors,
// src/app.ts), each saying where (a body pointer, a parameter or a header name), what is
// expected, and the allowed values when the schema has a closed set. ajv's messages state the
// rule ("must be string"), never the offending value, which may be PHI.
import { AppError, maxErrorDetails, type ErrorDetail } from '../errors.js';

export interface AjvIssue {
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

type Allowed = string | number | boolean | null;

const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');
const firstToken = (pointer: string): string => (pointer.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');

/** The pointer an issue is about: a missing or unknown property is named, not its parent. */
function pointerOf(issue: AjvIssue): string {
  const named = issue.params?.['missingProperty'] ?? issue.params?.['additionalProperty'];
  return `${issue.instancePath ?? ''}${typeof named === 'string' ? `/${escapeToken(named)}` : ''}`;
}

/** Fastify's validationContext to where an entry points: body fields by pointer, the rest by name. */
function locate(pointer: string, context: string | undefined): Omit<ErrorDetail, 'detail'> {
  if (context === 'querystring' || context === 'params') return { parameter: firstToken(pointer) };
  if (context === 'headers') return { header: firstToken(pointer) };
  return { pointer };
}

/** ajv's wording where it does not say what to do. */
function detailOf(issue: AjvIssue): string {
  switch (issue.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field; remove it';
    case 'enum':
    case 'const':
      return 'must be one of the allowed values';
    default:
      return issue.message ?? 'is invalid';
  }
}

function allowedOf(issue: AjvIssue): Allowed[] {
  if (issue.keyword === 'enum' && Array.isArray(issue.params?.['allowedValues']))
    return issue.params['allowedValues'] as Allowed[];
  if (issue.keyword === 'const') return [issue.params?.['allowedValue'] as Allowed];
  return [];
}

/**
 * One entry per violated location. A closed set (enum, or a union of constants) becomes one
 * entry listing `allowed`; the alternatives of an anyOf/oneOf at one location are joined
 * ("must be string or must be null") instead of listed with ajv's "must match a schema".
 */
export function validationDetails(issues: readonly AjvIssue[], context: string | undefined): ErrorDetail[] {
  const byPointer = new Map<string, AjvIssue[]>();
  for (const issue of issues) {
    const pointer = pointerOf(issue);
    byPointer.set(pointer, [...(byPointer.get(pointer) ?? []), issue]);
  }
  const details: ErrorDetail[] = [];
  for (const [pointer, group] of byPointer) {
    const where = locate(pointer, context);
    const allowed = [...new Set(group.flatMap(allowedOf))];
    if (allowed.length > 0) {
      details.push({ ...where, detail: 'must be one of the allowed values', allowed });
      continue;
    }
    const alternatives = group.some((i) => i.keyword === 'anyOf' || i.keyword === 'oneOf');
    const messages = [...new Set(group.filter((i) => i.keyword !== 'anyOf' && i.keyword !== 'oneOf').map(detailOf))];
    if (alternatives && messages.length > 0) details.push({ ...where, detail: messages.join(' or ') });
    else if (messages.length === 0) details.push({ ...where, detail: 'is invalid' });
    else for (const detail of messages) details.push({ ...where, detail });
  }
  return details;
}

/** The 400 for a request that failed its route schema, listing at most maxErrorDetails entries. */
export function validationFailed(issues: readonly AjvIssue[], context: string | undefined): AppError {
  const details = validationDetails(issues, context);
  const message =
    details.length > maxErrorDetails
      ? `The request does not match the schema: ${details.length} problems, the first ${maxErrorDetails} listed.`
      : 'The request does not match the schema.';
  return new AppError('VALIDATION_FAILED', message, details);
}
