import { Client } from 'pg';
import type { EmbeddedPostgresHandle } from '../../src/database/embedded-postgres';
import { ENV_ADMIN_URL, ENV_TEMPLATE_DB } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as Record<string, unknown>).__TILLIT_PG__ as EmbeddedPostgresHandle | undefined;
  if (pg) {
    await pg.stop(); // the whole temp cluster goes
    return;
  }
  const admin = new Client({ connectionString: process.env[ENV_ADMIN_URL] });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${process.env[ENV_TEMPLATE_DB]} WITH (FORCE)`);
  await admin.end();
}
