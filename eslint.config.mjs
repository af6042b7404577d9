// Lint enforces the layering of architecture.md instead of memory:
// - domain/, app/, ports.ts, i18n/ never touch an Apps Script global (only src/gas/ does);
// - nothing outside src/offline/ imports offline code (it never reaches the bundle);
// - only src/gas/ and src/offline/ may read the clock with an argument-less `new Date()`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'FormApp',
  'MailApp',
  'GmailApp',
  'DocumentApp',
  'DriveApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ScriptApp',
  'Session',
  'Utilities',
  'Logger',
  'HtmlService',
  'UrlFetchApp',
  'Charts',
  'ContentService',
  'Browser',
].map((name) => ({
  name,
  message: 'Apps Script services are reached only from src/gas/ adapters.',
}));

const noClockRead = {
  selector: "NewExpression[callee.name='Date'][arguments.length=0]",
  message: 'Time is a parameter: read the clock only in src/gas/ (or the offline emulator).',
};
const noDateNow = {
  selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
  message: 'Time is a parameter: read the clock only in src/gas/ (or the offline emulator).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build/', 'out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/offline/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/offline/**', 'node:*', 'fs', 'path'],
              message: 'The bundle cannot reach Node or offline code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts', 'src/ports.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals],
      'no-restricted-syntax': ['error', noClockRead, noDateNow],
    },
  },
  {
    files: ['src/main.ts'],
    rules: { 'no-restricted-syntax': ['error', noClockRead, noDateNow] },
  },
  {
    files: ['**/*.cjs', 'src/offline/sandbox/runtime.js', 'jest.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'writable',
        globalThis: 'readonly',
        Atomics: 'readonly',
        console: 'readonly',
        Symbol: 'readonly',
        Proxy: 'readonly',
        Map: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-var': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
