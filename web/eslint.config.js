// Lint rules of the web app (React, hooks, accessibility), spread into the root eslint.config.js.
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Config objects for web/**; the root config adds them after its own. */
export default [
  // generated from the server's OpenAPI document (npm run web:api-types)
  { ignores: ['web/src/api/schema.d.ts'] },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['web/src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: {
      ...jsxA11y.flatConfigs.recommended.languageOptions,
      globals: { ...globals.browser },
    },
  },
  {
    files: ['web/scripts/**/*.ts', 'web/vite.config.ts', 'web/eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
];
