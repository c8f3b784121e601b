import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layering rules (architecture guide): shared is pure; the renderer reaches only shared;
// only src/main/electron (and the preload script) may import 'electron'.
const nodeBuiltinNames = ['fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'url', 'util', 'events', 'stream', 'worker_threads', 'zlib'];
const nodeBuiltinPaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltinPaths('src/shared must not import Node built-ins.'), patterns: [
        { group: ['node:*'], message: 'src/shared must not import Node built-ins.' },
        { group: ['electron', 'react', 'react-dom', 'antd', 'better-sqlite3', 'pdfkit', 'fastify'], message: 'src/shared is pure TypeScript.' },
        { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports only src/shared.' },
      ] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltinPaths('The renderer must not import Node built-ins.'), patterns: [
        { group: ['node:*'], message: 'The renderer must not import Node built-ins.' },
        { group: ['electron', 'better-sqlite3', 'pdfkit', 'fastify', 'exceljs'], message: 'The renderer talks to the API only.' },
        { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared.' },
      ] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron'], message: "Only src/main/electron may import 'electron'." },
        { group: ['**/renderer/**'], message: 'src/main must not import the renderer.' },
      ] }],
    },
  },
);
