import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { openBenchDatabase } from './bench-db';
import { BENCH_PASSWORD } from './data/generate';
import { load } from './harness/load';
import { ServerProcess } from './harness/processes';
import { THIN_READ } from './scenarios';
import { runMain } from './harness/cli';

/**
 * CPU profile of the built API (production mode) under load: `npx ts-node bench/profile-api.ts
 * [--seconds 10] [--connections 10] [--no-profile]` drives thin reads at it and writes the profile (V8
 * .cpuprofile, for Chrome DevTools or speedscope) to bench-profile/. Run `npm run build` first.
 */
async function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' }, 'no-profile': { type: 'boolean', default: false } } });
  const db = await openBenchDatabase('S', false);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  fs.rmSync('bench-profile', { recursive: true, force: true });
  const env = { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(32).toString('hex'), PANEL_KEY_SECRET: randomBytes(32).toString('hex') };
  const api = await ServerProcess.start('api', [...(values['no-profile'] ? [] : ['--cpu-prof', '--cpu-prof-dir=bench-profile']), 'dist/src/main.js'], env, await freePort(), '/health/live');
  try {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: 'analyst@bench.tillit.invalid', password: BENCH_PASSWORD } } }) });
    const token = ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
    const ids: string[] = (await pg.query('SELECT id FROM observation ORDER BY id LIMIT 1000')).rows.map((r) => r.id);
    let k = 0;
    const r = await load(api.url, { method: 'POST', path: '/graphql', headers: { authorization: `Bearer ${token}` }, body: () => JSON.stringify({ query: THIN_READ, variables: { id: ids[k++ % ids.length] } }) }, Number(values.connections), Number(values.seconds));
    console.log(`${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`);
  } finally {
    await api.stop();
    await pg.end();
    await db.close();
  }
  if (!values['no-profile']) console.log(`profile: bench-profile/${fs.readdirSync('bench-profile')[0]}`);
}

runMain(main);
