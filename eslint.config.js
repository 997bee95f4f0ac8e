// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ (docs/ARCHITECTURE.md) and the folders each may import from; `cli` is the
 * composition root and imports anything, and only it reads `src/config.ts`.
 */
const LAYERS = {
  core: [],
  platform: ['core'],
  storage: ['core', 'platform'],
  reports: ['core', 'platform'],
  sim: ['core', 'platform'],
  ingest: ['core', 'platform', 'monitoring'],
  monitoring: ['core', 'platform', 'storage'],
  jobs: ['core', 'platform', 'storage', 'monitoring'],
  cluster: ['core', 'platform', 'storage', 'monitoring'],
  server: ['core', 'platform', 'monitoring', 'ingest', 'reports'],
};
const CORE_NO_IO = {
  group: [
    'node:fs*',
    'node:net',
    'node:http*',
    'node:child_process',
    'node:sqlite',
    'pg',
    'kysely',
    'fastify*',
  ],
  message: 'core does no I/O.',
};

/**
 * One no-restricted-imports entry per layer and folder depth: at depth d a relative import reaches
 * src/ with exactly d `../`, so `^(\.\./){d}server/` names src/server and nothing nested that is
 * merely called so (core/monitoring, server/routes/monitoring).
 */
function layerRules() {
  const folders = [...Object.keys(LAYERS), 'cli'];
  return Object.entries(LAYERS).flatMap(([layer, allowed]) => {
    const denied = folders.filter((f) => f !== layer && !allowed.includes(f));
    return [1, 2, 3, 4, 5].map((depth) => ({
      files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^(\\.\\./){${depth}}(?:(?:${denied.join('|')})/|config\\.ts$)`,
                message:
                  layer === 'core'
                    ? 'core imports nothing outside itself.'
                    : `${layer} may import only from ${allowed.join(', ')} (docs/ARCHITECTURE.md); composition roots wire the rest.`,
              },
              ...(layer === 'core' ? [CORE_NO_IO] : []),
            ],
          },
        ],
      },
    }));
  });
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'web/dist/',
      'bench/results/',
      'test-results/',
      'bin/',
      'web/src/api/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
      ],
    },
  },
  ...layerRules(),
  {
    // The domain core is pure: no clock, no environment, no randomness (its imports: layerRules).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the Clock port.' },
        { object: 'Math', property: 'random', message: 'Use an injected random source.' },
        { object: 'process', property: 'env', message: 'Config comes through loadConfig.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts', 'src/cli/**', 'src/core/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Config comes through loadConfig.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // The web UI runs in the browser; its type information comes from web/tsconfig.json (DOM, JSX).
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Vite and ESLint read their configuration from a default export.
    files: ['web/vite.config.ts', 'eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
