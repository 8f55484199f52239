import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { login } from './harness/gql';
import { load, LoadRequest, LoadResult } from './harness/load';
import { ServerProcess } from './harness/processes';
import { machine, writeSection } from './harness/report';
import { median } from './harness/stats';
import { THIN_READ } from './scenarios';

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

interface Stack {
  name: string;
  args: string[];
  env: Record<string, string>;
  ready: string;
  request: (id: () => string, token: string) => LoadRequest;
}

const TS = ['-r', 'ts-node/register/transpile-only'];
const graphql = (id: () => string, headers: Record<string, string> = {}): LoadRequest => ({
  method: 'POST',
  path: '/graphql',
  headers,
  body: () => JSON.stringify({ query: THIN_READ, variables: { id: id() } }),
});
const floorApp = (adapter: string, executor: string): Omit<Stack, 'name'> => ({
  args: [...TS, 'bench/floor/app.ts'],
  env: { FLOOR_ADAPTER: adapter, FLOOR_EXECUTOR: executor },
  ready: '/health',
  request: (id) => graphql(id),
});

/** From the practical ceiling to the API: each layer of the fixed stack, then the API itself. */
const STACKS: Stack[] = [
  {
    name: 'bare `pg` handler (the reference)',
    args: [...TS, 'bench/reference/server.ts'],
    env: {},
    ready: '/health',
    request: (id) => ({ method: 'POST', path: '/thin', body: () => JSON.stringify([id()]) }),
  },
  {
    name: 'Apollo Server alone (its own HTTP server, no Nest)',
    args: [...TS, 'bench/floor/apollo.ts'],
    env: {},
    ready: '/?query=%7Bhealth%7D',
    request: (id) => graphql(id),
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
    request: (id, token) => graphql(id, { authorization: `Bearer ${token}` }),
  },
];

const round1 = (x: number) => Math.round(x * 10) / 10;

interface FloorRow {
  stack: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  ratio: number;
}

/**
 * `npm run bench -- --scale S --floor`: where a thin read's time goes. The same question (one
 * observation by id, the thin read's fields) through each layer of the stack the product fixes
 * (NestJS + Apollo Server 5), with either HTTP adapter and either executor, and through the API,
 * each in its own process against the same database; all of them alternate within each round, so
 * each row's ratio to the bare handler is measured under the same conditions. Writes
 * docs/benchmarks/results-<scale>-floor.json and, unless --quick, its section of docs/benchmarks.md.
 */
export async function floor(r: FloorRun): Promise<number> {
  const [runs, seconds, warmup] = r.quick ? [1, 2, 1] : [3, 8, 3];
  const servers: ServerProcess[] = [];
  for (const s of STACKS) {
    const server = await ServerProcess.start(s.name, s.args, { ...r.env, ...s.env }, await freePort(), s.ready);
    r.servers.push(server);
    servers.push(server);
  }
  const token = await login(servers[servers.length - 1].url, 'analyst@bench.tillit.invalid');
  const ids: string[] = (await r.pg.query('SELECT id FROM observation WHERE deleted_at IS NULL ORDER BY id LIMIT 1000')).rows.map((x) => x.id);
  let k = 0;
  const id = () => ids[k++ % ids.length];
  const rows: FloorRow[] = [];
  for (const connections of [1, 10]) {
    const results: LoadResult[][] = STACKS.map(() => []);
    for (const [i, s] of STACKS.entries()) await load(servers[i].url, s.request(id, token), connections, warmup);
    for (let run = 0; run < runs; run++) {
      // Rotate the order each round so that no stack always follows the same one.
      for (let j = 0; j < STACKS.length; j++) {
        const i = (j + run) % STACKS.length;
        results[i].push(await load(servers[i].url, STACKS[i].request(id, token), connections, seconds));
      }
    }
    const ref = median(results[0].map((x) => x.rps));
    for (const [i, s] of STACKS.entries()) {
      const rps = median(results[i].map((x) => x.rps));
      const row = {
        stack: s.name,
        connections,
        rps,
        p50: round1(median(results[i].map((x) => x.p50))),
        p99: round1(median(results[i].map((x) => x.p99))),
        errors: results[i].reduce((n, x) => n + x.errors + x.non2xx, 0),
        ratio: rps / ref,
      };
      rows.push(row);
      console.log(
        `  ${connections} conn: ${s.name}: ${rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ×${row.ratio.toFixed(2)}, errors ${row.errors}`,
      );
    }
  }
  const result = {
    scale: r.scale,
    quick: r.quick,
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - r.started) / 1000),
    machine: machine(),
    runs,
    runSeconds: seconds,
    rows,
  };
  fs.mkdirSync('docs/benchmarks', { recursive: true });
  fs.writeFileSync(path.join('docs/benchmarks', `results-${r.scale.toLowerCase()}-floor.json`), JSON.stringify(result, null, 2) + '\n');
  if (!r.quick) writeSection('docs/benchmarks.md', `${r.scale}-floor`, renderFloor(result));
  return rows.some((x) => x.errors > 0) ? 1 : 0;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON written above
function renderFloor(r: any): string {
  const m = r.machine;
  const num = (x: number) => Math.round(x).toLocaleString('en');
  return [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.seconds} s in all, scale ${r.scale}. Machine: ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}. ${r.runs} runs of ${r.runSeconds} s per stack, every stack in each round (order rotated), medians.`,
    '',
    '| stack | conns | req/s | p50 / p99 ms | × the bare handler |',
    '|---|---:|---:|---|---:|',
    ...r.rows.map((x: FloorRow) => `| ${x.stack} | ${x.connections} | ${num(x.rps)} | ${x.p50} / ${x.p99} | ×${x.ratio.toFixed(2)} |`),
  ].join('\n');
}
