// The catalogue of audit actions (src/audit/actions.ts) is documented in README.md's
// "Audit actions" table; this fails when they differ. That every action the code (and
// this suite) writes is in the catalogue is checked by the compiler: AuditEventInput's
// action is an AuditAction.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { actions, subjects } from '../../src/policy/ability.js';
import type { AuditEventInput } from '../../src/services/audit-port.js';
import {
  auditActions,
  auditPrefixOf,
  denialAction,
  denialActions,
  denialMeaning,
  isAuditAction,
  namedAuditActions,
  type AuditAction,
} from '../../src/audit/actions.js';

const code = (text: string) => `\`${text}\``;

/** The table as README.md must have it, one line per row. */
function renderedTable(): string[] {
  const named = Object.entries(namedAuditActions).sort(([a], [b]) => a.localeCompare(b));
  return [
    '| action | when it is written |',
    '|---|---|',
    ...named.map(([name, meaning]) => `| ${code(name)} | ${meaning} |`),
    `| ${code('<subject>.<action>')} | ${denialMeaning}; \`<subject>\` is one of ${subjects.map((s) => code(auditPrefixOf[s])).join(', ')}; \`<action>\` is one of ${actions.map(code).join(', ')} |`,
  ];
}

async function readmeTable(): Promise<string[]> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^#+ Audit actions\s*$/.test(line));
  expect(start, 'README.md has no "Audit actions" section').toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const first = rest.findIndex((line) => line.startsWith('|'));
  const table = rest.slice(first);
  const end = table.findIndex((line) => !line.startsWith('|'));
  return end < 0 ? table : table.slice(0, end);
}

describe('audit action catalogue', () => {
  it("matches README.md's Audit actions table, row for row", async () => {
    expect(await readmeTable()).toEqual(renderedTable());
  });

  it('holds every denial a gate can produce: each subject with each CASL action', () => {
    for (const subject of subjects) {
      for (const action of actions) {
        const name = denialAction(subject, action);
        // the prefix its allowed events use: one action filter finds both outcomes
        expect(name).toBe(`${auditPrefixOf[subject]}.${action}`);
        expect(['apikey', 'breakglass', 'auditevent']).not.toContain(name.split('.')[0]);
        expect(isAuditAction(name), name).toBe(true);
      }
    }
    expect(denialActions).toHaveLength(subjects.length * actions.length);
  });

  it('keeps the stored names as they are (the catalogue documents, it does not rename)', () => {
    const stored: AuditAction[] = [
      'ticket.read',
      'comment.create',
      'api_key.revoke',
      'break_glass.review',
      'group.member_add',
      'tenant.issuer_add',
      'auth.failed',
      'auth.jwks_fetch_failed',
    ];
    for (const name of stored) expect(auditActions.has(name), name).toBe(true);
    expect(auditActions.size).toBe(new Set([...Object.keys(namedAuditActions), ...denialActions]).size);
  });

  it('names look like <area>.<verb> and every one has a meaning', () => {
    for (const [name, meaning] of auditActions) {
      expect(name).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(meaning.length, name).toBeGreaterThan(10);
    }
    expect(isAuditAction('ticket.bogus')).toBe(false);
  });

  it('refuses, at compile time, an action outside the catalogue', () => {
    // @ts-expect-error 'ticket.bogus' is not an AuditAction
    const unknown: AuditEventInput = { action: 'ticket.bogus', resourceType: 'Ticket', outcome: 'allowed' };
    const known: AuditEventInput = { action: 'ticket.read', resourceType: 'Ticket', outcome: 'allowed' };
    expect([unknown.action, known.action].map(isAuditAction)).toEqual([false, true]);
  });
});
