import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { withDatabase } from '../../src/database/urls';
import { QueryCounter } from '../../src/database/query-counter';
import { ENV_ADMIN_URL, ENV_RUNTIME_URL, ENV_TEMPLATE_DB } from '../setup/test-database';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { field: string; message: string }[]; [k: string]: unknown };
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
  text: string;
}

export interface TestApp {
  url: string;
  /** Every log line the app wrote, when started with `{ captureLogs: true }`. */
  logs: string[];
  app: INestApplication;
  ds: DataSource;
  queries: QueryCounter;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  databaseName: string;
  /** This test's database, as the server's superuser. */
  superuserUrl: string;
  /** A statement on this test's database as the server's superuser (for what the app itself may not do). */
  asSuperuser<R = Record<string, any>>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * The whole app on its own database (cloned from the migrated template), listening on a free
 * port: tests talk to it over real HTTP.
 */
export interface TestAppOptions {
  /** Collect the app's log lines in `logs` (level debug). */
  captureLogs?: boolean;
  /** A second instance on the database of this one (closing it leaves the database). */
  shareDatabaseOf?: TestApp;
}

export async function startTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const runtimeUrl = process.env[ENV_RUNTIME_URL];
  const template = process.env[ENV_TEMPLATE_DB];
  if (!adminUrl || !runtimeUrl || !template) throw new Error('The e2e global setup did not run (see jest.config.ts)');
  const shared = opts.shareDatabaseOf?.databaseName;
  const dbName = shared ?? `tillit_test_${randomBytes(5).toString('hex')}`;
  if (!shared) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${template}`);
    await admin.end();
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: opts.captureLogs ? 'debug' : (process.env.TEST_LOG_LEVEL ?? 'silent'),
    DATA_DIR: dataDir,
    DB_POOL_SIZE: '4',
    // Every test user logs in from 127.0.0.1; the limit per account stays as in production.
    LOGIN_MAX_PER_ADDRESS: '10000',
    ...env,
  });
  const queries = new QueryCounter();
  const logs: string[] = [];
  const logStream = opts.captureLogs ? { write: (line: string) => void logs.push(line) } : undefined;
  const app = await createApp({ config, databaseUrl: withDatabase(runtimeUrl, dbName), queryLogger: queries, logStream });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, text: await res.text() };
  };

  return {
    url,
    databaseName: dbName,
    superuserUrl: withDatabase(adminUrl, dbName),
    logs,
    app,
    ds: app.get(DataSource),
    queries,
    post,
    async asSuperuser(sql, params) {
      const c = new Client({ connectionString: withDatabase(adminUrl, dbName) });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    async gql(query, variables, token) {
      const res = await post(JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
      let parsed: { data?: any; errors?: GqlError[] } = {};
      try {
        parsed = JSON.parse(res.text);
      } catch {
        // leave empty: the test sees `text`
      }
      return { status: res.status, data: parsed.data ?? null, errors: parsed.errors, text: res.text };
    },
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (shared) return;
      const a = new Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The one error of a response, failing loudly when there is none or several. */
export function onlyError(res: GqlResponse): GqlError {
  if (!res.errors || res.errors.length !== 1) throw new Error(`expected exactly one error, got: ${res.text}`);
  return res.errors[0];
}
