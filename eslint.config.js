// Lint: ESLint's and typescript-eslint's recommended rules, and Svelte's.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'artifacts/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Destructuring away a field (const { replication: _r, ...rest }) is how we drop it.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Direction of the house (ARCHITECTURE.md): scenario -> engine -> runner ->
  // experiment -> UI or CLI. Each zone names what it may not import.
  {
    files: ['src/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { regex: '^\\.\\./(?!scenario/)', message: 'The engine imports nothing outside src/engine but the scenario\'s types.' },
        { regex: '^\\.\\./scenario/', allowTypeImports: true, message: 'The engine imports only the scenario\'s types (import type).' },
      ] }],
    },
  },
  {
    files: ['src/{engine,scenario,domain,i18n,montecarlo,runner,workers,share,export}/**'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '/(ui|cli|experiments)/', message: 'Lower layers never import experiments, the UI or the CLI: data flows one way.' },
      ] }],
    },
  },
  {
    files: ['src/runner/**', 'src/workers/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '/(ui|cli|experiments)/', message: 'Runners run replications; experiments are built over them, never the other way.' },
      ] }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '/(engine|cli)/', message: 'The UI reaches the engine only through runners and experiments (src/runner, src/experiments), and shares i18n with the CLI rather than importing it.' },
      ] }],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '/(engine|ui)/', message: 'The CLI reaches the engine only through runners and experiments, and shares i18n with the UI rather than importing it.' },
      ] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
