import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tools/**', '.data/**', '**/src/gql/**', 'schema/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Error'] > Literal",
          message: 'Throw a DomainError (typed, with a code) for anything a user can cause.',
        },
      ],
    },
  },
  {
    files: [
      'scripts/**',
      'bench/**',
      'tests/**',
      '**/*.spec.ts',
      '**/*.test.ts',
      'vitest.config.ts',
      'codegen.ts',
      '**/vite.config.ts',
      '**/server/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/bootstrap.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
