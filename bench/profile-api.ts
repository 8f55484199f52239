import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { openBenchDatabase } from './bench-db';
import { runMain } from './harness/cli';
import { login } from './harness/gql';
import { bulkIngest } from './harness/ingest';
import { load } from './harness/load';
import { mixedLoad } from './harness/mixed';
import { ServerProcess } from './harness/processes';
import { benchContextFrom, NESTED_READ, THIN_READ } from './scenarios';

/**
 * CPU profile of the built API (production mode) under one scenario: `npx ts-node
 * bench/profile-api.ts [--scenario thin|nested|ingest|mixed] [--scale S] [--seconds 10]
 * [--connections 10] [--rows 20000] [--rounds 1] [--entry dist/src/main.js] [--env NAME=VALUE]…
 * [--no-profile]`. `thin` and `nested` drive those reads (scenarios 1 and 2) at it; `ingest`
 * sends survey responses through the batch mutation, the CSV upload and COPY (rows/s of each,
 * median over rounds); `mixed` runs the mixed load (scenario 5) for --seconds. `--env` sets a
 * variable of the API (e.g. DB_POOL_SIZE=20). The profile (V8 .cpuprofile, for Chrome DevTools
 * or speedscope) goes to bench-profile/. Run `npm run build` first. `--entry` runs another build:
 * for an A/B comparison, build the other commit in a git worktree (with this checkout's
 * node_modules linked in) and point at its dist/src/main.js.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'thin' },
      scale: { type: 'string', default: 'S' },
      env: { type: 'string', multiple: true, default: [] },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rows: { type: 'string', default: '20000' },
      rounds: { type: 'string', default: '1' },
      entry: { type: 'string', default: 'dist/src/main.js' },
      'no-profile': { type: 'boolean', default: false },
    },
  });
  const unknownScenario = !['thin', 'nested', 'ingest', 'mixed'].includes(values.scenario!);
  if (unknownScenario) throw new Error(`--scenario must be thin, nested, ingest or mixed, not "${values.scenario}"`);
  const badEnv = values.env!.find((e) => !/^[A-Z][A-Z0-9_]*=/.test(e));
  if (badEnv !== undefined) throw new Error(`--env takes NAME=VALUE, not "${badEnv}"`);
  const db = await openBenchDatabase(values.scale!.toUpperCase(), false);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  fs.rmSync('bench-profile', { recursive: true, force: true });
  const env = {
    DATABASE_URL: db.url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOGIN_MAX_PER_ACCOUNT: '1000',
    LOGIN_MAX_PER_ADDRESS: '100000',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PANEL_KEY_SECRET: randomBytes(32).toString('hex'),
    ...Object.fromEntries(values.env!.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])),
  };
  const api = await ServerProcess.start(
    'api',
    [...(values['no-profile'] ? [] : ['--cpu-prof', '--cpu-prof-dir=bench-profile']), values.entry!],
    env,
    await freePort(),
    '/health/live',
  );
  try {
    const ctx = await benchContextFrom((sql, params) => pg.query(sql, params).then((r) => r.rows));
    if (values.scenario === 'ingest') {
      const admin = await login(api.url, 'admin@bench.tillit.invalid');
      const r = await bulkIngest(Number(values.rows), api, pg, admin, ctx, Number(values.rounds));
      console.log(`mutation ×${r.mutationVsCopy.toFixed(2)} COPY, CSV ×${r.csvVsCopy.toFixed(2)} COPY`);
    } else if (values.scenario === 'mixed') {
      const admin = await login(api.url, 'admin@bench.tillit.invalid');
      await mixedLoad(api.url, pg, admin, ctx, Number(values.seconds)); // prints its own summary
    } else {
      const token = await login(api.url, 'analyst@bench.tillit.invalid');
      const ids: string[] = (await pg.query('SELECT id FROM observation ORDER BY id LIMIT 1000')).rows.map((r) => r.id);
      let k = 0;
      const body =
        values.scenario === 'nested'
          ? () => JSON.stringify({ query: NESTED_READ, variables: { p: ctx.pilotId, first: 50 } })
          : () => JSON.stringify({ query: THIN_READ, variables: { id: ids[k++ % ids.length] } });
      const r = await load(
        api.url,
        { method: 'POST', path: '/graphql', headers: { authorization: `Bearer ${token}` }, body },
        Number(values.connections),
        Number(values.seconds),
      );
      console.log(`${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`);
    }
  } finally {
    await api.stop();
    await pg.end();
    await db.close();
  }
  if (!values['no-profile']) console.log(`profile: bench-profile/${fs.readdirSync('bench-profile')[0]}`);
}

runMain(main);
