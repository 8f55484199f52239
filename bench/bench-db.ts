import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { withDatabase } from '../src/database/database-url';

/** Where benchmark data lives: never the app's own data folder or DATABASE_URL. */
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ?? '.bench';
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54339);

export const benchDatabaseName = (scale: string) => `tillit_bench_${scale.toLowerCase()}`;

export interface BenchDatabase {
  url: string;
  close: () => Promise<void>;
}

/**
 * The benchmark database for a scale: on the server of BENCH_DATABASE_URL when set (e.g. the
 * CI PostgreSQL service), else on an embedded PostgreSQL in `.bench/` (kept between runs, so a
 * generated scale can be benchmarked again). `fresh` drops and recreates it first.
 */
export async function openBenchDatabase(scale: string, fresh: boolean, log: (l: string) => void = () => undefined): Promise<BenchDatabase> {
  const name = benchDatabaseName(scale);
  const server = process.env.BENCH_DATABASE_URL;
  let adminUrl: string;
  let close = async () => undefined as void;
  if (server) {
    adminUrl = withDatabase(server, 'postgres');
  } else {
    const handle = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, port: BENCH_PG_PORT, database: 'postgres', attachIfRunning: true, log });
    adminUrl = handle.adminUrl;
    close = () => handle.stop();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { url: withDatabase(adminUrl, name), close };
}
