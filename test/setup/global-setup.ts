import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '../../src/database/urls';
import { freePort, startScratchPostgres } from '../../src/database/embedded-postgres';
import { withCredentials } from '../../src/database/urls';
import { ENV_ADMIN_URL, ENV_RUNTIME_URL, ENV_TEMPLATE_DB, TEST_RUNTIME_PASSWORD, TEST_RUNTIME_ROLE } from './test-database';

/**
 * Runs once per `jest` run: a PostgreSQL server (DATABASE_URL, or an embedded one in a temp
 * folder, never the app's data folder) and a template database with every migration applied.
 *
 * It must not load the app's modules: on a 2-core machine Jest runs test files in this same
 * process, and NestJS keeps its type metadata on the process's global object, which would leak
 * into every test file. So the migrations run through the CLI in a child process.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const pg = await startScratchPostgres(await freePort());
    (globalThis as Record<string, unknown>).__TILLIT_PG__ = pg;
    adminUrl = pg.adminUrl;
  }

  const template = `tillit_template_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', 'migrate'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: withDatabase(adminUrl, template), MIGRATIONS_RUN: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  // The app under test connects as a login of the runtime group (created by the migrations),
  // never as the superuser: the tests see exactly the rights the API has in production.
  const roles = new Client({ connectionString: adminUrl });
  await roles.connect();
  await roles.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_RUNTIME_ROLE}') THEN
        CREATE ROLE ${TEST_RUNTIME_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
  await roles.query(`ALTER ROLE ${TEST_RUNTIME_ROLE} PASSWORD '${TEST_RUNTIME_PASSWORD}'`);
  await roles.query(`GRANT tillit_runtime TO ${TEST_RUNTIME_ROLE}`);
  await roles.end();

  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_RUNTIME_URL] = withCredentials(adminUrl, TEST_RUNTIME_ROLE, TEST_RUNTIME_PASSWORD);
  process.env[ENV_TEMPLATE_DB] = template;
  const where = process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL';
  console.log(`\n[e2e] ${where}: template ${template} migrated in ${Date.now() - started} ms`);
}
