import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { EmbeddedPostgresHandle, freePort, startEmbeddedPostgres, startScratchPostgres } from './embedded-postgres';

export const APP_DATABASE = 'tillit';

/**
 * The app's database for CLI commands: DATABASE_URL, or the embedded server in the data folder
 * (attaching to it if the API is already running on it).
 */
export async function openAppDatabase(
  config: AppConfig,
  log?: (l: string) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  if (config.database.url) return { url: config.database.url, close: async () => undefined };
  const handle: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    dataDir: config.database.dataDir,
    port: config.database.embeddedPort,
    database: APP_DATABASE,
    attachIfRunning: true,
    log,
  });
  return { url: handle.url, close: () => handle.stop() };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
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
