import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { login } from './harness/gql';
import { load, LoadRequest, LoadResult } from './harness/load';
import { ServerProcess } from './harness/processes';
import { machine, writeSection } from './harness/report';
import { median } from './harness/stats';
import { benchContextFrom, NESTED_READ, NESTED_READ_POSTGRAPHILE, THIN_READ } from './scenarios';

export interface FloorRun {
  scale: string;
  quick: boolean;
  started: number;
  dbUrl: string;
  env: Record<string, string>;
  pg: Client;
  /** Stopped by the caller, whatever happens here. */
  servers: ServerProcess[];
}

/** What a stack is asked: the thin read (one observation by id) or the nested read (scenario 2). */
interface Asks {
  id: () => string;
  pilotId: string;
  token: string;
}

interface Stack {
  name: string;
  args: string[];
  env: Record<string, string>;
  ready: string;
  thin?: (a: Asks) => LoadRequest;
  nested?: (a: Asks) => LoadRequest;
}

type Scenario = 'thin' | 'nested';

const TS = ['-r', 'ts-node/register/transpile-only'];
const post = (query: string, variables: () => Record<string, unknown>, headers: Record<string, string> = {}): LoadRequest => ({
  method: 'POST',
  path: '/graphql',
  headers,
  body: () => JSON.stringify({ query, variables: variables() }),
});
const thin = (a: Asks, headers?: Record<string, string>) => post(THIN_READ, () => ({ id: a.id() }), headers);
const nested = (a: Asks, headers?: Record<string, string>) => post(NESTED_READ, () => ({ p: a.pilotId, first: 50 }), headers);
const floorApp = (adapter: string, executor: string): Omit<Stack, 'name'> => ({
  args: [...TS, 'bench/floor/app.ts'],
  env: { FLOOR_ADAPTER: adapter, FLOOR_EXECUTOR: executor },
  ready: '/health',
  thin: (a) => thin(a),
  nested: (a) => nested(a),
});

/**
 * From the practical ceiling to the API: each layer of the fixed stack, then the API itself. The
 * first stack that answers a scenario is its reference: the bare handler for the thin read,
 * PostGraphile for the nested read.
 */
const STACKS: Stack[] = [
  {
    name: 'bare `pg` handler (the reference)',
    args: [...TS, 'bench/reference/server.ts'],
    env: {},
    ready: '/health',
    thin: (a) => ({ method: 'POST', path: '/thin', body: () => JSON.stringify([a.id()]) }),
  },
  {
    name: 'PostGraphile v5 (the reference: one statement per request)',
    args: ['bench/reference/postgraphile.mjs'],
    env: {},
    ready: '/health',
    nested: (a) => post(NESTED_READ_POSTGRAPHILE, () => ({ p: a.pilotId, first: 50 })),
  },
  {
    name: 'Apollo Server alone (its own HTTP server, no Nest)',
    args: [...TS, 'bench/floor/apollo.ts'],
    env: {},
    ready: '/?query=%7Bhealth%7D',
    thin: (a) => thin(a),
  },
  { name: 'Nest + Apollo, Express (the floor of the fixed stack)', ...floorApp('express', 'graphql') },
  { name: 'Nest + Apollo, Fastify', ...floorApp('fastify', 'graphql') },
  { name: 'Nest + Apollo, Express, graphql-jit', ...floorApp('express', 'jit') },
  { name: 'Nest + Apollo, Fastify, graphql-jit', ...floorApp('fastify', 'jit') },
  {
    name: 'the API (auth, limits, logging, access rules, TypeORM)',
    args: ['dist/src/main.js'],
    env: {},
    ready: '/health/live',
    thin: (a) => thin(a, { authorization: `Bearer ${a.token}` }),
    nested: (a) => nested(a, { authorization: `Bearer ${a.token}` }),
  },
];

const round1 = (x: number) => Math.round(x * 10) / 10;

interface FloorRow {
  scenario: Scenario;
  stack: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  ratio: number;
}

/**
 * `npm run bench -- --scale S --floor`: where a request's time goes. The thin read (one
 * observation by id) and the nested read (scenario 2) through each layer of the stack the product
 * fixes (NestJS + Apollo Server 5) — with either HTTP adapter and either executor, answered by
 * the reference's SQL, the nested read from one statement that builds its JSON as PostGraphile
 * does — and through the API; each stack in its own process against the same database, all of
 * them in turn within each round, so each row's ratio to its reference is measured under the same
 * conditions. Writes docs/benchmarks/results-<scale>-floor[-quick].json and, unless --quick, its section
 * of docs/benchmarks.md.
 */
export async function floor(r: FloorRun): Promise<number> {
  const o = r.quick ? { runs: 1, seconds: 2, warmup: 1 } : { runs: 3, seconds: 8, warmup: 3 };
  const ports: number[] = [];
  while (ports.length < STACKS.length) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  // Started side by side (each takes seconds to compile and boot); stopped by the caller.
  const servers = await Promise.all(
    STACKS.map(async (s, i) => {
      const server = await ServerProcess.start(s.name, s.args, { ...r.env, ...s.env }, ports[i], s.ready);
      r.servers.push(server);
      return server;
    }),
  );
  const token = await login(servers[servers.length - 1].url, 'analyst@bench.tillit.invalid');
  const ids: string[] = (await r.pg.query('SELECT id FROM observation WHERE deleted_at IS NULL ORDER BY id LIMIT 1000')).rows.map((x) => x.id);
  const { pilotId } = await benchContextFrom((sql, params) => r.pg.query(sql, params).then((x) => x.rows));
  let k = 0;
  const asks: Asks = { id: () => ids[k++ % ids.length], pilotId, token };
  const rows: FloorRow[] = [];
  // The smoke run (--quick) skips the single connection: it only proves every stack answers.
  const rounds = [...(r.quick ? [] : [['thin', 1] as const]), ['thin', 10] as const, ['nested', 10] as const];
  for (const [scenario, connections] of rounds) {
    const taking = STACKS.map((s, i) => ({ s, server: servers[i], request: s[scenario]?.(asks) })).filter((x): x is Taking => !!x.request);
    rows.push(...(await round(o, scenario, connections, taking)));
  }
  const result = {
    scale: r.scale,
    quick: r.quick,
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - r.started) / 1000),
    machine: machine(),
    runs: o.runs,
    runSeconds: o.seconds,
    rows,
  };
  fs.mkdirSync('docs/benchmarks', { recursive: true });
  fs.writeFileSync(
    path.join('docs/benchmarks', `results-${r.scale.toLowerCase()}-floor${r.quick ? '-quick' : ''}.json`),
    JSON.stringify(result, null, 2) + '\n',
  );
  if (!r.quick) writeSection('docs/benchmarks.md', `${r.scale}-floor`, renderFloor(result));
  return rows.some((x) => x.errors > 0) ? 1 : 0;
}

interface Taking {
  s: Stack;
  server: ServerProcess;
  request: LoadRequest;
}

/** Every stack that answers the scenario, warmed up, then in turn for each run (the order rotated); medians, ratios to the first. */
async function round(o: { runs: number; seconds: number; warmup: number }, scenario: Scenario, connections: number, taking: Taking[]): Promise<FloorRow[]> {
  const results: LoadResult[][] = taking.map(() => []);
  for (const t of taking) await load(t.server.url, t.request, connections, o.warmup);
  for (let run = 0; run < o.runs; run++) {
    // Rotate the order each round so that no stack always follows the same one.
    for (let j = 0; j < taking.length; j++) {
      const i = (j + run) % taking.length;
      results[i].push(await load(taking[i].server.url, taking[i].request, connections, o.seconds));
    }
  }
  const ref = median(results[0].map((x) => x.rps));
  return taking.map(({ s }, i) => {
    const rps = median(results[i].map((x) => x.rps));
    const row = {
      scenario,
      stack: s.name,
      connections,
      rps,
      p50: round1(median(results[i].map((x) => x.p50))),
      p99: round1(median(results[i].map((x) => x.p99))),
      errors: results[i].reduce((n, x) => n + x.errors + x.non2xx, 0),
      ratio: rps / ref,
    };
    console.log(
      `  ${scenario} @${connections}: ${s.name}: ${rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ×${row.ratio.toFixed(2)}, errors ${row.errors}`,
    );
    return row;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON written above
function renderFloor(r: any): string {
  const m = r.machine;
  const num = (x: number) => Math.round(x).toLocaleString('en');
  return [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.seconds} s in all, scale ${r.scale}. Machine: ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}. ${r.runs} runs of ${r.runSeconds} s per stack, every stack in each round (order rotated), medians.`,
    '',
    '| read | stack | conns | req/s | p50 / p99 ms | × its reference |',
    '|---|---|---:|---:|---|---:|',
    ...r.rows.map((x: FloorRow) => `| ${x.scenario} | ${x.stack} | ${x.connections} | ${num(x.rps)} | ${x.p50} / ${x.p99} | ×${x.ratio.toFixed(2)} |`),
  ].join('\n');
}
