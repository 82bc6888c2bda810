// A breach notification letter (164.404(c)) rendered per patient from the officer's template.
// Placeholders are {{name}}, {{address}}, {{discoveredOn}}, {{incidentId}}, {{fields}} and
// {{operations}}; anything else in double braces is refused before any PHI is opened, and the
// refusal names only the placeholder. Pure: the service opens the values and audits them.
import { AppError } from '../errors.js';

export const placeholders = ['name', 'address', 'discoveredOn', 'incidentId', 'fields', 'operations'] as const;
export type Placeholder = (typeof placeholders)[number];

const PATTERN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function assertTemplate(template: string): void {
  const unknown = [...template.matchAll(PATTERN)]
    .map((m) => m[1]!)
    .filter((p) => !(placeholders as readonly string[]).includes(p));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', `Unknown placeholder(s): ${[...new Set(unknown)].join(', ')}.`, [
      { pointer: '/template', detail: `placeholders: ${placeholders.join(', ')}` },
    ]);
}

/** 'contact.date_of_birth' -> 'date of birth' */
export const fieldLabel = (field: string): string => (field.split('.')[1] ?? field).replace(/_/g, ' ');

export function renderLetter(template: string, values: Record<Placeholder, string>): string {
  return template.replace(PATTERN, (_, p: string) => values[p as Placeholder]);
}

export function formatAddress(address: Record<string, unknown> | null): string {
  if (!address) return '';
  const part = (k: string) => (typeof address[k] === 'string' ? (address[k] as string) : '');
  const cityLine = [part('city'), [part('region'), part('postalCode')].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [part('line1'), part('line2'), cityLine, part('country')].filter(Boolean).join('\n');
}
