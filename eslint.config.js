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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.phidesk/**', 'bin/**'] },
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
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment.' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
