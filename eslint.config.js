// Lint: typescript-eslint's recommended rules plus the module boundaries drawn in docs/ARCHITECTURE.md.
// A wrong import fails `npm run lint`, and so CI.
import tseslint from 'typescript-eslint';

const MODULES = ['access', 'audit', 'commerce', 'desk', 'demo', 'seeding', 'recon', 'health', 'channels', 'triage'];
const SHARED = ['kernel', 'platform', 'contracts'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const rule = (regex, message) => ({ regex, message });

const noMain = rule('(^|/)main/', 'nothing imports main/: it is the composition root');
const noDrivers = { group: ['pg', '@electric-sql/pglite', '@electric-sql/pglite/*', 'node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:child_process', 'hono', 'hono/*', '@hono/*'], message: 'domain code is pure: no I/O, no drivers, no HTTP' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-output/**', '.claimdesk/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['test/**', 'bench/**', 'src/**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // kernel: primitives, imports nothing of ours.
  { files: ['src/kernel/**/*.ts'], rules: restrict([rule('^\\.\\./', 'kernel imports nothing from other modules')]) },
  // contracts: zod schemas shared with web/, imports nothing of ours.
  { files: ['src/contracts/**/*.ts'], rules: restrict([rule('^\\.\\./', 'contracts import only zod and each other')]) },
  // platform: infrastructure, imports only kernel.
  { files: ['src/platform/*.ts'], rules: restrict([rule('^\\.\\./(?!kernel/)', 'platform imports only kernel'), noMain]) },
  { files: ['src/platform/*/**/*.ts'], rules: restrict([rule('^\\.\\./\\.\\./(?!kernel/)', 'platform imports only kernel'), noMain]) },
  // business modules: kernel, platform, contracts, and other modules only through their index.ts.
  {
    files: MODULES.map((m) => `src/${m}/*.ts`),
    rules: restrict([
      rule(`^\\.\\./(?!(${SHARED.join('|')})/)[a-z-]+/(?!index\\.ts$)`, "another module's internals: import its index.ts"),
      noMain,
    ]),
  },
  // */domain: pure rules. Only kernel and their own domain; no clock, no environment.
  {
    files: MODULES.map((m) => `src/${m}/domain/**/*.ts`),
    rules: {
      ...restrict([rule('^\\.\\./(?!\\.\\./kernel/)', 'domain code imports only kernel and its own domain'), noDrivers]),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'time is an argument (now: Date)' }, { object: 'process', property: 'env', message: 'config is loaded once in platform/config.ts' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'time is an argument (now: Date)' }, { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'randomness is an argument (a seeded rng)' }],
    },
  },
  // Nothing but platform/config.ts reads the environment.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/config.ts', 'src/main/**', 'src/**/*.test.ts', 'src/*/domain/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'config is loaded once in platform/config.ts (loadConfig)' }] },
  },
  // web: its own code and src/contracts only.
  { files: ['web/src/**/*.{ts,tsx}'], rules: restrict([rule('^(\\.\\./)+src/(?!contracts/)', 'web imports only its own code and src/contracts'), noMain]) },
);
