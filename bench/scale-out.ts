import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { LoadBalancer } from './harness/load-balancer';
import { ServerProcess } from './harness/processes';
import { machine, renderReplica, renderScaleOut, writeSection } from './harness/report';
import { login } from './harness/gql';
import { mixedLoad } from './harness/mixed';
import { Replica } from './harness/replica';
import { loginLimitAcross, mixedAcross, retriesAcross } from './harness/scale-out';
import { benchContextFrom } from './scenarios';

export interface ScaleOutRun {
  scale: string;
  quick: boolean;
  instances: number;
  started: number;
  dbUrl: string;
  env: Record<string, string>;
  pg: Client;
  /** Stopped by the caller, whatever happens here. */
  servers: ServerProcess[];
}

/** A lower login limit than the other scenarios use, so that the check below is quick. */
const LOGIN_LIMIT = 30;

/**
 * `npm run bench -- --scale S --instances N`: N API processes on one database behind nginx
 * (bench/harness/load-balancer.ts). Checks that the login limit and idempotent retries hold
 * across instances, then runs the mixed load against one instance and against all of them, and
 * reports what each instance answered. Writes docs/benchmarks/results-<scale>-instances<N>.json
 * and, unless --quick, its section of docs/benchmarks.md.
 */
export async function scaleOut(r: ScaleOutRun): Promise<number> {
  // As in production behind a proxy: the client address comes from X-Forwarded-For.
  const env = { ...r.env, LOGIN_MAX_PER_ACCOUNT: String(LOGIN_LIMIT), TRUST_PROXY: 'loopback' };
  const apis: ServerProcess[] = [];
  for (let i = 0; i < r.instances; i++) {
    const api = await ServerProcess.start(`api ${i + 1}`, ['dist/src/main.js'], env, await freePort(), '/health/live');
    apis.push(api);
    r.servers.push(api);
  }
  const lb = await LoadBalancer.start(
    await freePort(),
    apis.map((a) => a.url),
  );
  try {
    console.log(`Scale ${r.scale}: ${r.instances} API processes behind nginx (${lb.url})`);
    const loginLimit = await loginLimitAcross(lb, LOGIN_LIMIT);
    console.log(
      `  login limit per account (${LOGIN_LIMIT}) across ${loginLimit.instancesAsked} instances: refused from attempt ${loginLimit.refusedFrom + 1} — ${loginLimit.holds ? 'holds' : 'BROKEN'}`,
    );
    const retries = await retriesAcross(apis, r.pg, r.quick ? 5 : 50);
    console.log(
      `  the same observation sent to two instances at once, ${retries.pairs} times: ${retries.sameAnswer} same answers, ${retries.stored} stored — ${retries.holds ? 'holds' : 'BROKEN'}`,
    );
    const ctx = await benchContextFrom((sql, params) => r.pg.query(sql, params).then((x) => x.rows));
    const mixed = await mixedAcross(apis, lb, r.pg, ctx, r.quick ? 5 : 60);
    for (const [upstream, a] of Object.entries(mixed.answered)) console.log(`  ${upstream}: ${a.requests} requests (${a.perSecond.toFixed(0)}/s)`);

    const results = { ...(await runHeader(r)), instances: r.instances, loginLimit, retries, mixed };
    writeResults(r, `${r.scale}-instances${r.instances}`, results, renderScaleOut);
    const failed =
      !loginLimit.holds ||
      !retries.holds ||
      [mixed.one, mixed.many].some((m) => !m.check.consistent || Object.values(m.streams).some((x) => x.graphqlErrors + x.httpErrors > 0));
    if (failed) console.error('A check failed, or writes were lost or duplicated: see the JSON.');
    return failed ? 1 : 0;
  } finally {
    await lb.stop();
  }
}

export interface ReplicaRun extends Omit<ScaleOutRun, 'instances'> {
  /** A superuser's URL on the embedded benchmark server, and its data folder. */
  primaryAdminUrl: string;
  clusterDir: string;
}

/**
 * `npm run bench -- --scale S --replica`: the mixed load twice, first with analytics on the
 * primary, then with the API reading analytics from a streaming replica the harness starts
 * (bench/harness/replica.ts, DATABASE_REPLICA_URL). Reports the writes' latency both ways, what
 * the replica answered, and its lag sampled every 500 ms.
 */
export async function readReplica(r: ReplicaRun): Promise<number> {
  const ctx = await benchContextFrom((sql, params) => r.pg.query(sql, params).then((x) => x.rows));
  const seconds = r.quick ? 5 : 60;
  const primaryOnly = await ServerProcess.start('api (primary only)', ['dist/src/main.js'], r.env, await freePort(), '/health/live');
  r.servers.push(primaryOnly);
  console.log(`Scale ${r.scale}: the mixed load with analytics on the primary, then on a streaming replica`);
  const onPrimary = await mixedLoad(primaryOnly.url, r.pg, await login(primaryOnly.url, 'admin@bench.tillit.invalid'), ctx, seconds);
  await primaryOnly.stop();

  const replica = await Replica.start(r.primaryAdminUrl, r.clusterDir, await freePort());
  try {
    const replicaUrl = replica.url(r.dbUrl);
    const api = await ServerProcess.start(
      'api (replica for analytics)',
      ['dist/src/main.js'],
      { ...r.env, DATABASE_REPLICA_URL: replicaUrl },
      await freePort(),
      '/health/live',
    );
    r.servers.push(api);
    const replicaPg = new Client({ connectionString: replicaUrl });
    await replicaPg.connect();
    const commits = async () =>
      Number((await replicaPg.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`)).rows[0].xact_commit);
    const before = await commits();
    const lags: { bytes: number; replayLagMs: number }[] = [];
    const sampler = setInterval(
      () =>
        void replica.lag(r.pg).then(
          (l) => lags.push(l),
          () => undefined,
        ),
      500,
    );
    const onReplica = await mixedLoad(api.url, r.pg, await login(api.url, 'admin@bench.tillit.invalid'), ctx, seconds).finally(() => clearInterval(sampler));
    const replicaStatements = (await commits()) - before;
    await replicaPg.end();
    const sorted = (k: 'bytes' | 'replayLagMs') => lags.map((l) => l[k]).sort((a, b) => a - b);
    const lag = {
      samples: lags.length,
      medianBytes: sorted('bytes')[Math.floor(lags.length / 2)] ?? 0,
      maxBytes: sorted('bytes').at(-1) ?? 0,
      medianReplayLagMs: sorted('replayLagMs')[Math.floor(lags.length / 2)] ?? 0,
      maxReplayLagMs: sorted('replayLagMs').at(-1) ?? 0,
    };
    console.log(
      `  replica: ${replicaStatements} transactions answered there; lag median ${lag.medianBytes} bytes / ${lag.medianReplayLagMs.toFixed(1)} ms, max ${lag.maxBytes} bytes / ${lag.maxReplayLagMs.toFixed(1)} ms`,
    );
    const results = { ...(await runHeader(r)), onPrimary, onReplica, replicaStatements, lag };
    writeResults(r, `${r.scale}-replica`, results, renderReplica);
    const failed =
      replicaStatements <= 0 ||
      [onPrimary, onReplica].some((m) => !m.check.consistent || Object.values(m.streams).some((x) => x.graphqlErrors + x.httpErrors > 0));
    if (failed) console.error('A check failed (nothing read from the replica, errors, or writes lost or duplicated): see the JSON.');
    return failed ? 1 : 0;
  } finally {
    for (const s of r.servers.splice(0)) await s.stop();
    await replica.stop();
  }
}

/** What every results file starts with: the run, the machine and the server. */
async function runHeader(r: Omit<ScaleOutRun, 'instances'>) {
  return {
    scale: r.scale,
    date: new Date().toISOString(),
    quick: r.quick,
    seconds: (Date.now() - r.started) / 1000,
    machine: machine(),
    postgres: (await r.pg.query('SHOW server_version')).rows[0].server_version as string,
  };
}

/** docs/benchmarks/results-<name>[-quick].json and, unless quick, the section `<name>` of docs/benchmarks.md. */
function writeResults<T extends { seconds: number }>(r: { quick: boolean }, name: string, results: T, render: (results: T) => string): void {
  const file = path.join('docs', 'benchmarks', `results-${name.toLowerCase()}${r.quick ? '-quick' : ''}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  if (!r.quick) writeSection(path.join('docs', 'benchmarks.md'), name, render(results));
  console.log(`\nDone in ${results.seconds.toFixed(0)} s; wrote ${file}${r.quick ? '' : ' and docs/benchmarks.md'}`);
}
