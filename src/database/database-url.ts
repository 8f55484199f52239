import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { EmbeddedPostgresHandle, freePort, startEmbeddedPostgres, startScratchPostgres } from './embedded-postgres';
import { runMigrations } from './migrate';
import { prepareEmbeddedRoles } from './roles';
import { withDatabase } from './urls';

export { withDatabase };

export const APP_DATABASE = 'tillit';

/**
 * The app's database for CLI commands, as its owner: DATABASE_OWNER_URL (else DATABASE_URL), or
 * the embedded server in the data folder (attaching to it if the API is already running on it).
 * Pending migrations are applied first unless MIGRATIONS_RUN is false.
 */
export async function openAppDatabase(config: AppConfig, log?: (l: string) => void): Promise<{ url: string; close: () => Promise<void> }> {
  let url = config.database.ownerUrl ?? config.database.url;
  let close = async (): Promise<void> => undefined;
  if (!url) {
    const handle: EmbeddedPostgresHandle = await startEmbeddedPostgres({
      dataDir: config.database.dataDir,
      port: config.database.embeddedPort,
      database: APP_DATABASE,
      attachIfRunning: true,
      log,
    });
    close = () => handle.stop();
    url = (
      await prepareEmbeddedRoles(handle.url, config.database.dataDir).catch(async (err) => {
        await close();
        throw err;
      })
    ).ownerUrl;
  }
  if (config.database.migrationsRun) {
    await runMigrations(url).catch(async (err) => {
      await close();
      throw err;
    });
  }
  return { url, close };
}

/**
 * A fresh, empty database for tooling (migration generation and checks): on the DATABASE_URL
 * server when set, else on a throwaway embedded server in the OS temp folder. Dropped afterwards.
 */
export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `tillit_scratch_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      return await fn(withDatabase(serverUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  const scratch = await startScratchPostgres(await freePort());
  try {
    return await fn(scratch.url);
  } finally {
    await scratch.stop();
  }
}
