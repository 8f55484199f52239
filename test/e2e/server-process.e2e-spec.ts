import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres';

const ROOT = path.resolve(__dirname, '..', '..');

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `src/main.ts` as its own process, with no DATABASE_URL: the embedded PostgreSQL path. */
function startServer(env: Record<string, string>): Server {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], { cwd: ROOT, env: childEnv });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(cond: () => boolean, ms: number, what: string, output: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the API process on the embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-server-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty data folder, refuses a second start, stops cleanly on SIGTERM and keeps its data', async () => {
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    const port = await freePort();
    const first = startServer({ ...env, PORT: String(port) });
    try {
      await waitFor(() => /is listening/.test(first.output()), 45_000, 'the API to listen', first.output);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      expect(fs.existsSync(path.join(dataDir, 'jwt-secret'))).toBe(true);
      const tables = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ framework { methods { code } } }' }),
      });
      expect(((await tables.json()) as any).data.framework.methods).toHaveLength(7);

      const second = startServer({ ...env, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/already running \(postmaster pid \d+\)/);
      expect(second.output()).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    // Restart on the same folder: migrations already applied, same secret, data kept.
    const secret = fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8');
    const again = startServer({ ...env, PORT: String(port) });
    try {
      await waitFor(() => /is listening/.test(again.output()), 45_000, 'the API to listen again', again.output);
      expect(again.output()).not.toMatch(/initialising a new PostgreSQL cluster/);
      expect(fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8')).toBe(secret);
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('runs the API as its runtime role, also on a data folder from before the roles existed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-roles-'));
    fs.chmodSync(dir, 0o755);
    const pgPort = await freePort();
    const env = { DATA_DIR: dir, EMBEDDED_PG_PORT: String(pgPort) };
    const secret = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8').trim();
    const connect = async (user: string, password: string) => {
      const c = new Client({ host: '127.0.0.1', port: pgPort, user, password, database: 'tillit' });
      await c.connect();
      return c;
    };
    /** While the API runs: who its connections are, who owns the tables, and what its role may do. */
    const inspect = async () => {
      const su = await connect('postgres', secret('pg-password'));
      const app = await connect('tillit_app', secret('pg-app-password'));
      try {
        const users = (await su.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'tillit-tracker'`)).rows.map((r) => r.usename);
        const owners = (await su.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tableowner);
        const update = await app.query(`UPDATE audit_log SET action = action`).then(
          () => 'allowed',
          (e: { code: string }) => e.code,
        );
        return { users, owners, update };
      } finally {
        await su.end();
        await app.end();
      }
    };
    try {
      const port = await freePort();
      const first = startServer({ ...env, PORT: String(port) });
      await waitFor(() => /is listening/.test(first.output()), 45_000, 'the API to listen', first.output);
      expect(await inspect()).toEqual({ users: ['tillit_app'], owners: ['tillit_owner'], update: '42501' });
      expect(first.output()).not.toMatch(/can alter the audit trail/);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      // Take the folder back to how an earlier version left it: everything the superuser's, no roles.
      const pg = await startEmbeddedPostgres({ dataDir: dir, port: pgPort, database: 'tillit' });
      const su = new Client({ connectionString: pg.url });
      await su.connect();
      try {
        for (const sql of [
          'REASSIGN OWNED BY tillit_owner TO postgres',
          'DROP OWNED BY tillit_owner',
          'DROP OWNED BY tillit_app',
          'DROP OWNED BY tillit_runtime',
          'DROP ROLE tillit_app',
          'DROP ROLE tillit_owner',
          'DROP ROLE tillit_runtime',
          `DELETE FROM typeorm_migrations WHERE name LIKE 'LeastPrivilege%'`,
        ]) {
          await su.query(sql);
        }
      } finally {
        await su.end();
        await pg.stop();
      }

      const again = startServer({ ...env, PORT: String(port) });
      try {
        await waitFor(() => /is listening/.test(again.output()), 45_000, 'the API to listen again', again.output);
        expect(await inspect()).toEqual({ users: ['tillit_app'], owners: ['tillit_owner'], update: '42501' });
      } finally {
        again.child.kill('SIGTERM');
      }
      expect(await again.exited).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('starts again after the API was killed with -9, stopping the PostgreSQL it left behind', async () => {
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    const port = await freePort();
    const crashed = startServer({ ...env, PORT: String(port) });
    await waitFor(() => /is listening/.test(crashed.output()), 45_000, 'the API to listen', crashed.output);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    const orphan = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(orphan, 0)).not.toThrow(); // PostgreSQL outlived its API

    const next = startServer({ ...env, PORT: String(port) });
    try {
      await waitFor(() => /is listening/.test(next.output()), 60_000, 'the API to listen after the crash', next.output);
      expect(next.output()).toMatch(new RegExp(`stopping the PostgreSQL server \\(pid ${orphan}\\) left behind`));
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      // A second API next to a live one is still refused.
      const second = startServer({ ...env, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/already running/);
    } finally {
      next.child.kill('SIGTERM');
    }
    expect(await next.exited).toBe(0);
  }, 150_000);
});
