// Lint rules, including the layering of docs/architecture.md: a lower layer never imports a higher one.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import web from './web/eslint.config.js';

/** Folders that each layer may not import from (type imports included). */
const forbidden = {
  domain: ['store', 'app', 'io', 'cli', 'http', 'engine'],
  engine: ['store', 'app', 'io', 'cli', 'http'],
  store: ['app', 'io', 'cli', 'http', 'engine'],
  io: ['store', 'app', 'cli', 'http', 'engine'],
  app: ['cli', 'http'],
  cli: ['http'],
  http: ['cli'],
};

const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          group: [`**/${b}/*`, `**/${b}`],
          message: `src/${layer} sits below src/${b}; dependencies point downwards only (docs/architecture.md).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'web/dist/**',
      'web/sourcemaps/**',
      'coverage/**',
      'bin/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type information for the promise rules below: every TypeScript file belongs to a tsconfig.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error; fire-and-forget must say so with `void` and why.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The web app's Node-side files belong to web/tsconfig.node.json, which the project service does not find.
    files: ['web/vite.config.ts', 'web/scripts/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './web/tsconfig.node.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // the build script is plain JavaScript run by Node (a production install has no TypeScript)
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'domain and engine are pure: pass configuration in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'domain and engine are pure: pass the time in.' },
        { object: 'Math', property: 'random', message: 'use the seeded generator.' },
      ],
    },
  },
  ...layerRules,
  ...web, // React, hooks and accessibility rules for the web app
  {
    // `sideline serve` starts the HTTP interface: the one place the CLI may reach into src/http,
    // and only through its server entry point.
    files: ['src/cli/commands/serve.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*', '!**/http/server.js', '**/http/*/**'],
              message: 'serve may import src/http/server.js only; other CLI modules may not import src/http.',
            },
          ],
        },
      ],
    },
  },
);
