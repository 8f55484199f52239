import 'reflect-metadata';
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { DataSource } from 'typeorm';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { openBenchDatabase } from './bench-db';
import { BENCH_PASSWORD } from './data/generate';
import { THIN_READ } from './scenarios';

class Rec extends AbstractLogger {
  q: string[] = [];
  override logQuery(query: string): void { this.q.push(query); }
  protected writeLog(_l: LogLevel, _m: LogMessage | LogMessage[]): void {}
}
/**
 * Profiles the thin read in-process: `npx ts-node bench/profile-thin.ts` (scale S data) prints the
 * statements one request runs and its mean time, and writes a CPU profile of 500 requests
 * (PROFILE_OUT, default thin-read.cpuprofile) for Chrome DevTools or speedscope.
 */
(async () => {
  const db = await openBenchDatabase('S', false);
  const rec = new Rec();
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: db.url, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PANEL_KEY_SECRET: 'y'.repeat(40) });
  const app = await createApp({ config, databaseUrl: db.url, queryLogger: rec });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1') + '/graphql';
  const post = (body: object, token?: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }).then((r) => r.json());
  const { data } = (await post({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { email: 'analyst@bench.tillit.invalid', password: BENCH_PASSWORD } } })) as { data: { login: { token: string } } };
  const token = data.login.token;
  const [{ id }] = await app.get(DataSource).query('SELECT id FROM observation LIMIT 1');
  rec.q = [];
  await post({ query: THIN_READ, variables: { id } }, token);
  console.log(rec.q.length, 'statements:\n' + rec.q.map((q) => q.slice(0, 200)).join('\n'));
  for (let i = 0; i < 100; i++) await post({ query: THIN_READ, variables: { id } }, token);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < 500; i++) await post({ query: THIN_READ, variables: { id } }, token);
  console.log('mean ms', ((performance.now() - t0) / 500).toFixed(2));
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(process.env.PROFILE_OUT ?? 'thin-read.cpuprofile', JSON.stringify(profile));
  await app.close();
  await db.close();
})();
