// Lint: TypeScript rules, plus the import boundaries that keep each folder to the runtime its path names.
//   core/common  — any runtime: no Node built-ins, no Electron, no React, no DOM, nothing from core/node
//   core/node    — Node: no Electron, no React, no renderer
//   cli          — Node: same as core/node
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module', 'net',
  'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib',
];
const ui = [
  { group: ['electron', 'electron/*'], message: 'Electron n’est permis que dans electron/.' },
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'React n’est permis que dans renderer/.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'Le cœur ne dépend ni de l’interface ni du shell Electron.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'tests/.output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests break case files on purpose: untyped JSON is the point there.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['core/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'core/common tourne partout : pas de module Node.' })),
          patterns: [
            ...ui,
            { group: ['node:*'], message: 'core/common tourne partout : pas de module Node.' },
            { group: ['**/node/**', '../node/*', '../../node/*'], message: 'core/common ne dépend pas de core/node.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  {
    // The UI reaches core only through the typed API: no Node, no Electron, nothing from core/node.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'renderer/ tourne dans le navigateur : pas de module Node.' })),
          patterns: [
            { group: ['node:*'], message: 'renderer/ tourne dans le navigateur : pas de module Node.' },
            { group: ['electron', 'electron/*'], message: 'Electron n’est permis que dans electron/.' },
            { group: ['**/core/node/**', '**/electron/**'], message: 'L’interface passe par l’API typée (core/common/api), jamais par core/node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/node/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ui }] },
  },
);
