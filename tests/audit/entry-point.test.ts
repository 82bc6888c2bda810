// src/audit has one entry point (index.ts): outside src/audit, lint refuses imports that
// reach into its folders (capture/, chain/, checkpoint/, export/), and the tree has none.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });
const INTERNAL =
  /^'[^']+' import is restricted from being used by a pattern\. Import the audit trail from src\/audit\/index\.ts/;

async function refusals(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(
    result!.messages.filter((m) => m.fatal),
    'snippet must parse',
  ).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && INTERNAL.test(m.message)).length;
}

describe('src/audit entry point', () => {
  const deep =
    [
      "import { createAuditInbox } from '../audit/capture/inbox.service.js';",
      "import { sequencePass } from '../audit/chain/sequencer.service.js';",
      "import { merkleRoot } from '../audit/checkpoint/merkle.js';",
      "import { verifyChain } from '../audit/export/verify.js';",
    ].join('\n') + '\nexport const all = [createAuditInbox, sequencePass, merkleRoot, verifyChain];';

  it.each(['src/cli/x.ts', 'src/tickets/x.service.ts', 'src/tickets/x.repository.ts', 'src/db/x.ts', 'bench/x.ts'])(
    'reaching into its folders from %s is reported',
    async (file) => {
      expect(await refusals(deep, file)).toBe(4);
    },
  );

  it('the entry point and the action catalogue are allowed from outside; the folders from inside src/audit', async () => {
    const code =
      "import { createAuditTrail } from '../audit/index.js';\nimport { denialAction } from '../audit/actions.js';\nexport const all = [createAuditTrail, denialAction];";
    expect(await refusals(code, 'src/cli/x.ts')).toBe(0);
    expect(await refusals(deep.replaceAll('../audit/', './'), 'src/audit/x.ts')).toBe(0);
  });

  it('src and bench have no such import', async () => {
    const results = await eslint.lintFiles(['src/**/*.ts', 'bench/**/*.ts']);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports' && INTERNAL.test(m.message))
        .map((m) => `${r.filePath}:${m.line}`),
    );
    expect(found).toEqual([]);
  }, 60_000);
});
