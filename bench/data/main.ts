import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createApp } from '../../src/app.factory';
import { runMigrations } from '../../src/database/migrate';
import { loadConfig } from '../../src/config/config';
import { openBenchDatabase } from '../bench-db';
import { Progress } from '../progress';
import { generate } from './generate';
import { SCALES, Scale } from './scales';
import { runMain } from '../harness/cli';

const USAGE = `Usage: npm run bench:data -- --scale S|M|L [--seed N] [--keep]

Fills the benchmark database of that scale (tillit_bench_<scale>: on BENCH_DATABASE_URL's server
when set, else on an embedded PostgreSQL in .bench/, never the app's own data) with synthetic
data through the API's services. The database is dropped and recreated first unless --keep is
given and it already holds data. Same seed, same data.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'S' },
      seed: { type: 'string', default: '2017' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const scale: Scale | undefined = SCALES[(values.scale ?? 'S').toUpperCase() as Scale['name']];
  if (!scale) {
    console.error(`--scale must be S, M or L\n\n${USAGE}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    console.error(`--seed must be an integer, not ${values.seed}\n\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const db = await openBenchDatabase(scale.name, !values.keep);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: db.url, DB_POOL_SIZE: '12' });
  await runMigrations(db.url); // as the database's owner, as the API's start does
  const app = await createApp({ config, databaseUrl: db.url });
  try {
    console.log(`Scale ${scale.name} (${scale.description}) into ${new URL(db.url).pathname.slice(1)}`);
    const counts = await generate(app, scale, seed, (phase, total) => new Progress(phase, total));
    console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s:`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${n.toLocaleString('en').padStart(12)}  ${table}`);
    return 0;
  } finally {
    await app.close();
    await db.close();
  }
}

runMain(main);
