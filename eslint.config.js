// ESLint flat config: typescript-eslint recommended, React hooks rules, Prettier owns layout.
// Feature boundaries (bulletproof-react): a feature never imports another feature, and shared
// code (components, lib, config, types) never imports features or app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const features = [
  'auth',
  'board',
  'orders',
  'intake',
  'workspace',
  'cad',
  'production',
  'qc',
  'files',
  'shipping',
  'payments',
  'analytics',
  'settings',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.loupe',
      'coverage',
      'test-artifacts',
      'src/types/database.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh, import: importPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'A feature never imports another feature; compose them in src/app.',
            })),
            {
              target: ['./src/components', './src/lib', './src/config', './src/types'],
              from: ['./src/features', './src/app'],
              message: 'Shared code never imports features or the app.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
