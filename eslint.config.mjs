// ESLint config used by `npm run lint` (office-addin-lint picks up eslint.config.mjs from the
// project root): the Office add-in rules (load before read, sync before read …) on TypeScript.
// no-undef is TypeScript's job (it knows the Office/Excel globals and DOM); formatting is not
// enforced by lint in this repository (single quotes, wide lines, as the code base is written).
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

// The office-addins rules are about Office.js proxies: only the code that talks to Excel.
const OFFICE_JS = ['src/adapters/excel/**', 'taskpane/**'];
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((c) => Object.keys(c.rules ?? {})).filter((r) => r.startsWith('office-addins/')).map((r) => [r, 'off']),
);

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**'] },
  ...officeAddins.configs.recommended,
  { ignores: OFFICE_JS, rules: officeRules },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      'no-undef': 'off',
      'no-unused-vars': 'off',
      'prettier/prettier': 'off',
    },
  },
  {
    // Node scripts beside the tests (test/fixtures/formats/makeVariety.js): CommonJS with async
    // arrows, which the add-in preset's ES2015 parser cannot read.
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: { __dirname: 'readonly' } },
    rules: { 'prettier/prettier': 'off' },
  },
  {
    // The engine is pure: snapshot → detect → tables → rules → findings, with no host, file or UI.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['exceljs', 'exceljs/*', '@e965/xlsx', '@e965/xlsx/*', 'xlsx', 'react', 'react-dom', 'react/*', '@fluentui/*', '@microsoft/office-js', 'office-*'], message: 'src/core is pure: hosts, file readers and UI live in src/adapters, src/cli and taskpane.' },
            { group: ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'worker_threads', 'fflate', 'saxes', 'yauzl'], message: 'src/core is pure: no I/O; adapters hand it a Snapshot.' },
            { group: ['**/adapters/**', '**/cli/**', '**/taskpane/**', '**/i18n/**'], message: 'src/core depends on nothing outside it.' },
          ],
        },
      ],
    },
  },
];
