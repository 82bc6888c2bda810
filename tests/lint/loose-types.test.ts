// eslint.config.js forbids `Record<string, any>` and a non-null assertion on an actor
// everywhere in src (resolver arguments come from the generated SDL types; actors come
// through actorOf). Each rule reports where it should, not elsewhere, and src is clean.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function reported(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(
    result!.messages.filter((m) => m.fatal),
    'snippet must parse',
  ).toEqual([]);
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-syntax')
    .map((m) =>
      m.message.startsWith('No Record<string, any>')
        ? 'record-any'
        : m.message.startsWith('No non-null assertion on an actor')
          ? 'actor!'
          : 'other',
    );
}

const places = ['src/users/x.ts', 'src/users/x.service.ts', 'src/policy/x.ts', 'src/graphql/x.ts'];

describe('lint: no Record<string, any> and no actor! in src', () => {
  it.each(places)('Record<string, any> is reported in %s', async (file) => {
    expect(await reported('export type Args = Record<string, any>;', file)).toEqual(['record-any']);
  });

  it.each(places)('req.actor! and ctx.actor! are reported in %s', async (file) => {
    const code =
      'export const f = (req: { actor?: { id: string } }, ctx: { actor?: object }) => [req.actor!.id, ctx.actor!];';
    expect(await reported(code, file)).toEqual(['actor!', 'actor!']);
  });

  it('typed alternatives are not reported', async () => {
    const code = [
      'export type A = Record<string, unknown>;',
      'export type B = Record<string, string>;',
      'export type C = Array<any>;',
      'export const f = (req: { actor?: { id: string }; other?: string }) => [req.actor?.id, req.other!];',
    ].join('\n');
    expect(await reported(code, 'src/users/x.ts')).toEqual([]);
  });

  it('src itself is clean of both', async () => {
    const results = await eslint.lintFiles(['src/**/*.ts']);
    const hits = results.flatMap((r) =>
      r.messages
        .filter(
          (m) =>
            m.ruleId === 'no-restricted-syntax' &&
            /^No (Record<string, any>|non-null assertion on an actor)/.test(m.message),
        )
        .map((m) => `${r.filePath}:${m.line}`),
    );
    expect(hits).toEqual([]);
  });
});
