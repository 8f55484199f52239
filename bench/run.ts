import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { BENCH_DATA_DIR, openBenchDatabase } from './bench-db';
import { load, LoadRequest, LoadResult } from './harness/load';
import { ServerProcess } from './harness/processes';
import { machine, renderResults, writeSection } from './harness/report';
import { median } from './harness/stats';
import { statementsPerRequest } from './harness/statements';
import { mixedLoad } from './harness/mixed';
import { login } from './harness/gql';
import { bulkIngest } from './harness/ingest';
import { ANALYTICS_LOAD, benchContextFrom, NESTED_READ, NESTED_READ_POSTGRAPHILE, THIN_READ } from './scenarios';
import { runMain } from './harness/cli';
import { floor } from './floor';
import { readReplica, scaleOut } from './scale-out';
import { withDatabase } from '../src/database/database-url';

/**
 * `npm run bench -- --scale S|M [--quick]`: every scenario against the built app in production
 * mode and its reference, alternating, with warm-up, several runs and medians; writes
 * docs/benchmarks/results-<scale>.json and the results section of docs/benchmarks.md.
 * `--instances N` (2 or more) runs the scale-out scenario instead, `--replica` the read-replica
 * scenario (both in bench/scale-out.ts), `--floor` the thin read through each layer of the stack
 * (bench/floor.ts).
 */
interface Options {
  scale: string;
  runs: number;
  seconds: number;
  warmup: number;
  ingestRows: number;
}

interface Comparison {
  scenario: string;
  connections: number;
  api: LoadResult[];
  reference: LoadResult[];
  apiPeakRssMiB: number;
}

function summarise(c: Comparison) {
  const m = (rs: LoadResult[], k: keyof LoadResult) => median(rs.map((r) => r[k]));
  const api = {
    rps: m(c.api, 'rps'),
    p50: m(c.api, 'p50'),
    p95: m(c.api, 'p95'),
    p99: m(c.api, 'p99'),
    errors: c.api.reduce((s, r) => s + r.errors + r.non2xx, 0),
  };
  const ref = {
    rps: m(c.reference, 'rps'),
    p50: m(c.reference, 'p50'),
    p95: m(c.reference, 'p95'),
    p99: m(c.reference, 'p99'),
    errors: c.reference.reduce((s, r) => s + r.errors + r.non2xx, 0),
  };
  return {
    scenario: c.scenario,
    connections: c.connections,
    api,
    reference: ref,
    throughputRatio: api.rps / ref.rps,
    p95Ratio: api.p95 / ref.p95,
    p99Ratio: api.p99 / ref.p99,
    apiPeakRssMiB: c.apiPeakRssMiB,
  };
}

async function compare(
  o: Options,
  name: string,
  connections: number,
  api: ServerProcess,
  apiReq: LoadRequest,
  ref: ServerProcess,
  refReq: LoadRequest,
): Promise<Comparison> {
  await load(api.url, apiReq, connections, o.warmup);
  await load(ref.url, refReq, connections, o.warmup);
  api.takePeakRss();
  const c: Comparison = { scenario: name, connections, api: [], reference: [], apiPeakRssMiB: 0 };
  for (let i = 0; i < o.runs; i++) {
    c.api.push(await load(api.url, apiReq, connections, o.seconds));
    c.reference.push(await load(ref.url, refReq, connections, o.seconds));
  }
  c.apiPeakRssMiB = api.takePeakRss();
  const s = summarise(c);
  console.log(
    `  ${name} @${connections}: API ${s.api.rps.toFixed(0)} req/s p95 ${s.api.p95} ms p99 ${s.api.p99} ms | reference ${s.reference.rps.toFixed(0)} req/s p95 ${s.reference.p95} ms | throughput ×${s.throughputRatio.toFixed(2)}, p95 ×${s.p95Ratio.toFixed(2)}`,
  );
  return c;
}

/** Large streamed exports: rows, time, and the API's memory before and at its peak while streaming. */
async function exports(api: ServerProcess, token: string, pg: Client) {
  const [{ pilot_id: pilotId }] = (
    await pg.query(`SELECT pilot_id FROM observation WHERE deleted_at IS NULL GROUP BY pilot_id ORDER BY count(*) DESC, pilot_id LIMIT 1`)
  ).rows;
  const out: Record<string, { bytes: number; lines: number; seconds: number; rssBeforeMiB: number; peakRssMiB: number }> = {};
  for (const [name, route] of [
    ['observation-codes.csv', '/export/observation-codes.csv'],
    ['segments.csv', '/export/segments.csv'],
    ['largest pilot .qdpx', `/export/refi/${pilotId}.qdpx`],
  ] as const) {
    const rssBefore = api.rss();
    api.takePeakRss();
    const t0 = performance.now();
    const res = await fetch(api.url + route, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`${route}: ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    out[name] = { bytes, lines, seconds, rssBeforeMiB: Math.round(rssBefore), peakRssMiB: Math.round(api.takePeakRss()) };
    console.log(
      `  export ${name}: ${(bytes / 2 ** 20).toFixed(1)} MiB, ${lines.toLocaleString('en')} lines in ${seconds.toFixed(1)} s; API RSS ${Math.round(rssBefore)} → peak ${out[name].peakRssMiB} MiB`,
    );
  }
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'S' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      instances: { type: 'string', default: '1' },
      replica: { type: 'boolean', default: false },
      floor: { type: 'boolean', default: false },
    },
  });
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error('--instances must be a whole number from 1 to 8');
  const scale = (values.scale ?? 'S').toUpperCase();
  const o: Options = values.quick
    ? { scale, runs: 1, seconds: 2, warmup: 1, ingestRows: 2_000 }
    : { scale, runs: 3, seconds: 8, warmup: 3, ingestRows: 100_000 };
  const started = Date.now();
  const db = await openBenchDatabase(scale, false);
  const check = new Client({ connectionString: db.url });
  await check.connect();
  const hasData = await check.query(`SELECT EXISTS (SELECT 1 FROM observation) AS ok`).then(
    (r) => r.rows[0].ok as boolean,
    () => false,
  );
  await check.end();
  if (!hasData) {
    if (scale !== 'S') throw new Error(`no data for scale ${scale}: run npm run bench:data -- --scale ${scale} first`);
    console.log('No benchmark data yet: generating scale S …');
    const gen = spawnSync('npx', ['ts-node', 'bench/data/main.ts', '--scale', 'S'], { stdio: 'inherit' });
    if (gen.status !== 0) throw new Error('bench:data failed');
  }
  const pg = new Client({ connectionString: db.url });
  pg.on('error', (err) => console.error(`benchmark database connection: ${err.message}`));
  await pg.connect();
  const servers: ServerProcess[] = [];
  try {
    if (!values['no-build']) {
      const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (build.status !== 0) throw new Error('the build failed');
    }
    const jwtSecret = randomBytes(32).toString('hex');
    const env = {
      DATABASE_URL: db.url,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_PER_ACCOUNT: '1000',
      LOGIN_MAX_PER_ADDRESS: '100000',
      JWT_SECRET: jwtSecret,
      PANEL_KEY_SECRET: randomBytes(32).toString('hex'),
      DB_POOL_SIZE: '10',
    };
    if (values.floor) return await floor({ scale, quick: values.quick!, started, dbUrl: db.url, env, pg, servers });
    if (instances > 1) return await scaleOut({ scale, quick: values.quick!, instances, started, dbUrl: db.url, env, pg, servers });
    if (values.replica) {
      if (process.env.BENCH_DATABASE_URL) throw new Error('--replica starts a replica of the embedded benchmark server: run it without BENCH_DATABASE_URL');
      const primaryAdminUrl = withDatabase(db.url, 'postgres');
      return await readReplica({
        scale,
        quick: values.quick!,
        started,
        dbUrl: db.url,
        env,
        pg,
        servers,
        primaryAdminUrl,
        clusterDir: path.resolve(BENCH_DATA_DIR, 'pg'),
      });
    }
    const api = await ServerProcess.start('api', ['dist/src/main.js'], env, await freePort(), '/health/live');
    servers.push(api);
    const ref = await ServerProcess.start(
      'reference',
      ['-r', 'ts-node/register/transpile-only', 'bench/reference/server.ts'],
      { DATABASE_URL: db.url, DB_POOL_SIZE: '10' },
      await freePort(),
      '/health',
    );
    servers.push(ref);
    const analyst = await login(api.url, 'analyst@bench.tillit.invalid');
    const admin = await login(api.url, 'admin@bench.tillit.invalid');
    const ctx = await benchContextFrom((sql, params) => pg.query(sql, params).then((r) => r.rows));
    const ids: string[] = (await pg.query('SELECT id FROM observation WHERE deleted_at IS NULL ORDER BY id LIMIT 1000')).rows.map((r) => r.id);
    const auth = { authorization: `Bearer ${analyst}` };

    console.log(`Scale ${scale}: ${o.runs} run(s) of ${o.seconds} s per side, alternating, after ${o.warmup} s warm-up`);
    const comparisons: Comparison[] = [];
    let k = 0;
    const nextId = () => ids[k++ % ids.length];
    for (const connections of [1, 10]) {
      comparisons.push(
        await compare(
          o,
          'thin read',
          connections,
          api,
          { method: 'POST', path: '/graphql', headers: auth, body: () => JSON.stringify({ query: THIN_READ, variables: { id: nextId() } }) },
          ref,
          { method: 'POST', path: '/thin', body: () => JSON.stringify([nextId()]) },
        ),
      );
    }
    // Scenario 2 against PostGraphile v5 serving the same database (started only for this).
    const postgraphile = await ServerProcess.start(
      'postgraphile',
      ['bench/reference/postgraphile.mjs'],
      { DATABASE_URL: db.url, DB_POOL_SIZE: '10', GRAPHILE_ENV: 'production' },
      await freePort(),
      '/health',
    );
    try {
      comparisons.push(
        await compare(
          o,
          'nested read (50 observations) vs PostGraphile',
          10,
          api,
          { method: 'POST', path: '/graphql', headers: auth, body: () => JSON.stringify({ query: NESTED_READ, variables: { p: ctx.pilotId, first: 50 } }) },
          postgraphile,
          { method: 'POST', path: '/graphql', body: () => JSON.stringify({ query: NESTED_READ_POSTGRAPHILE, variables: { p: ctx.pilotId, first: 50 } }) },
        ),
      );
    } finally {
      await postgraphile.stop();
    }
    for (const a of ANALYTICS_LOAD) {
      comparisons.push(
        await compare(
          o,
          a.name,
          4,
          api,
          { method: 'POST', path: '/graphql', headers: auth, body: () => JSON.stringify({ query: a.query, variables: a.variables(ctx) }) },
          ref,
          { method: 'POST', path: `/${a.reference}`, body: () => JSON.stringify(a.referenceParams(ctx)) },
        ),
      );
    }
    const ingest = await bulkIngest(o.ingestRows, api, pg, admin, ctx, o.runs);
    const streamed = await exports(api, analyst, pg);
    const mixed = await mixedLoad(api.url, pg, admin, ctx, values.quick ? 5 : 60);
    const statements = await statementsPerRequest(db.url, jwtSecret, analyst, {
      'thin read': { query: THIN_READ, variables: { id: ids[0] } },
      'nested read, 10 observations': { query: NESTED_READ, variables: { p: ctx.pilotId, first: 10 } },
      'nested read, 50 observations': { query: NESTED_READ, variables: { p: ctx.pilotId, first: 50 } },
      ...Object.fromEntries(ANALYTICS_LOAD.map((a) => [a.name, { query: a.query, variables: a.variables(ctx) }])),
    });
    const dataset = Object.fromEntries(
      (
        await pg.query(`SELECT 'organisations' AS k, count(*)::int AS n FROM organisation UNION ALL SELECT 'observations', count(*) FROM observation
         UNION ALL SELECT 'coded segments', count(*) FROM coded_segment UNION ALL SELECT 'indicators', count(*) FROM indicator
         UNION ALL SELECT 'burden reports', count(*) FROM burden_report UNION ALL SELECT 'survey responses', count(*) FROM survey_response`)
      ).rows.map((r) => [r.k, r.n]),
    );

    const results = {
      scale,
      date: new Date().toISOString(),
      quick: values.quick,
      seconds: (Date.now() - started) / 1000,
      machine: machine(),
      postgres: (await pg.query('SHOW server_version')).rows[0].server_version,
      dataset,
      options: o,
      comparisons: comparisons.map((c) => ({
        ...summarise(c),
        statements: statements[c.scenario] ?? (c.scenario.startsWith('nested read') ? statements['nested read, 50 observations'] : undefined),
      })),
      ingest,
      exports: streamed,
      nested: { statements10: statements['nested read, 10 observations'], statements50: statements['nested read, 50 observations'] },
      mixed,
    };
    const file = path.join('docs', 'benchmarks', `results-${scale.toLowerCase()}${values.quick ? '-quick' : ''}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    if (!values.quick) writeSection(path.join('docs', 'benchmarks.md'), scale, renderResults(results));
    console.log(`\nDone in ${results.seconds.toFixed(0)} s; wrote ${file}${values.quick ? '' : ' and docs/benchmarks.md'}`);
    const failed =
      comparisons.some((c) => [...c.api, ...c.reference].some((r) => r.errors + r.non2xx > 0)) ||
      Object.values(mixed.streams).some((x) => x.graphqlErrors + x.httpErrors > 0) ||
      !mixed.check.consistent;
    if (failed) console.error('Some requests failed, or writes were lost or duplicated: see the JSON.');
    return failed ? 1 : 0;
  } finally {
    for (const s of servers) await s.stop();
    await pg.end();
    await db.close();
  }
}

runMain(main);
