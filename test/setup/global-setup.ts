import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { withDatabase } from '../../src/database/database-url';
import { freePort, startScratchPostgres } from '../../src/database/embedded-postgres';
import { ENV_ADMIN_URL, ENV_TEMPLATE_DB } from './test-database';

/**
 * Runs once per `jest` run: a PostgreSQL server (DATABASE_URL, or an embedded one in a temp
 * folder, never the app's data folder) and a template database with every migration applied.
 */
export default async function globalSetup(): Promise<void> {
  // TypeORM loads migrations/*.ts with require(); let Node compile them in this process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('ts-node').register({ transpileOnly: true });

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

  const ds = createDataSource({ url: withDatabase(adminUrl, template) });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_TEMPLATE_DB] = template;
  const where = process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL';
  console.log(`\n[e2e] ${where}: template ${template} migrated in ${Date.now() - started} ms`);
}
