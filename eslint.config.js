// Lint: typescript-eslint's recommended rules plus the layering rules of
// docs/architecture.md, enforced rather than hoped for.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pgOnlyInDb = {
  name: 'pg',
  message: 'Only src/db talks to pg directly; use Kysely through a repository.',
};
const repositoriesOnlyFromServices = {
  group: ['**/*.repository.js', '**/*.repository'],
  message: 'Repositories are imported only by services (<area>.service.ts).',
};

const auditInternals = {
  group: ['**/audit/capture/**', '**/audit/chain/**', '**/audit/checkpoint/**', '**/audit/export/**'],
  message: 'Import the audit trail from src/audit/index.ts; its folders are internal to src/audit.',
};

// no-restricted-syntax: a later config object replaces (does not merge) an earlier one's
// options for the same file, so every selector list lives here and each object below
// repeats the lists that apply to its files.
const roleLogicOnlyInPolicy = ['includes', 'some', 'every', 'indexOf']
  .flatMap((method) => [
    `CallExpression[callee.property.name='${method}'][callee.object.name='roles']`,
    `CallExpression[callee.property.name='${method}'][callee.object.property.name='roles']`,
  ])
  .map((selector) => ({
    selector,
    message:
      'Role logic belongs in CASL rules (src/policy); ask the ability (can/assertCan/policyWhere), not the roles.',
  }));
const sqlOnlyInRepositories = [
  "ImportDeclaration[source.value='kysely'] > ImportSpecifier[imported.name='sql']",
  'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|with)$/]',
  // nor narrows or shapes a query a repository handed back
  'CallExpression[callee.property.name=/^(where|orderBy|groupBy|having|innerJoin|leftJoin|forUpdate|returning|onConflict)$/]',
].map((selector) => ({
  selector,
  message: 'SQL lives in repositories (<area>.repository.ts) or src/db; a service calls repository functions.',
}));

// Typed from the SDL and the auth layer rather than asserted: no `Record<string, any>`
// (resolver arguments come from src/graphql/generated/schema-types.ts) and no `x.actor!`
// (actorOf in src/http/actor.ts answers 401 when there is no actor). Everywhere in src.
const noLooseTypes = [
  {
    selector: "TSTypeReference[typeName.name='Record'][typeArguments.params.1.type='TSAnyKeyword']",
    message:
      'No Record<string, any> in src: use the generated GraphQL types (src/graphql/generated/schema-types.ts), a declared interface or Record<string, unknown>.',
  },
  {
    selector: "TSNonNullExpression > MemberExpression.expression[property.name='actor']",
    message:
      'No non-null assertion on an actor: use actorOf(req) / actorOf(ctx) from src/http/actor.ts (401 when absent).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.phidesk/**',
      'bin/**',
      // the client package: its build output and the file openapi-typescript generates
      'clients/typescript/dist/**',
      'clients/typescript/src/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [pgOnlyInDb], patterns: [repositoriesOnlyFromServices] }],
    },
  },
  {
    // services may import repositories; nothing else outside src/db may import pg
    files: ['src/**/*.service.ts', 'src/**/*.repository.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [pgOnlyInDb] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/policy/**'],
    rules: { 'no-restricted-syntax': ['error', ...roleLogicOnlyInPolicy, ...noLooseTypes] },
  },
  {
    files: ['src/**/*.service.ts'],
    ignores: ['src/policy/**'],
    rules: { 'no-restricted-syntax': ['error', ...roleLogicOnlyInPolicy, ...sqlOnlyInRepositories, ...noLooseTypes] },
  },
  {
    files: ['src/policy/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noLooseTypes] },
  },
  // src/audit has one entry point, src/audit/index.ts (plus the action catalogue,
  // src/audit/actions.ts): from outside src/audit nothing reaches into its folders.
  // no-restricted-imports options are replaced, not merged, by a later object, so these
  // repeat the pg and repository rules that apply to the same files.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/audit/**', 'src/db/**', 'src/**/*.service.ts', 'src/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [pgOnlyInDb], patterns: [repositoriesOnlyFromServices, auditInternals] },
      ],
    },
  },
  {
    files: ['src/**/*.service.ts', 'src/**/*.repository.ts'],
    ignores: ['src/audit/**', 'src/db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [pgOnlyInDb], patterns: [auditInternals] }] },
  },
  {
    files: ['src/db/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [auditInternals] }] },
  },
);
