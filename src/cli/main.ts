import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { openAppDatabase } from '../database/database-url';
import { runMigrations } from '../database/migrate';
import { PASSWORD_MIN } from '../modules/user/dto/create-user.input';
import { buildSchemaSdl, SCHEMA_FILE } from './schema';
import { createApp } from '../app.factory';
import { createAdmin, readPassword } from './create-admin';
import { SeedRefused, seedDemo } from './seed-demo';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin --email <e> [--name <display name>]
      Creates an ADMIN user. The password comes from ADMIN_PASSWORD, or from standard input
      (piped, or typed at the prompt). At least ${PASSWORD_MIN} characters.
  migrate            Applies pending migrations to the app's database.
  seed-demo [--force]
      Loads the synthetic demo dataset (through the API's own services) into an empty
      database; --force adds it to a database that already has data.
  emit-schema        Writes schema/schema.gql from the code.
  emit-schema --check  Fails when schema/schema.gql differs from the code.

The database is DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (default .data/).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }

  switch (command) {
    case 'emit-schema': {
      const sdl = await buildSchemaSdl();
      if (values.check) {
        const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
        if (current !== sdl) {
          console.error('schema/schema.gql is out of date with the code: run `npm run schema:emit` and commit it.');
          return 1;
        }
        console.log('schema/schema.gql is up to date.');
        return 0;
      }
      fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
      return 0;
    }
    case 'migrate': {
      const config = loadConfig();
      const db = await openAppDatabase({ ...config, database: { ...config.database, migrationsRun: false } });
      try {
        const applied = await runMigrations(db.url);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'create-admin': {
      if (!values.email) {
        console.error('create-admin needs --email <address>');
        return 2;
      }
      const email = values.email;
      const password = await readPassword();
      return withAppDataSource(async (ds) => {
        const user = await createAdmin(ds, { email, displayName: values.name ?? email, password });
        console.log(`created ADMIN ${user.email} (${user.id})`);
        return 0;
      });
    }
    case 'seed-demo': {
      const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
      const db = await openAppDatabase(config);
      const app = await createApp({ config, databaseUrl: db.url });
      try {
        const summary = await seedDemo(app, { force: values.force ?? false, log: (l) => console.log(`… ${l}`) });
        console.log(`\nDemo data loaded in ${summary.seconds.toFixed(1)} s (synthetic, labelled "demo"):`);
        for (const [k, n] of Object.entries(summary.counts)) console.log(`  ${String(n).padStart(6)}  ${k}`);
        console.log(`\nDemo accounts (all with the password ${summary.password}):\n  ${summary.users.join('\n  ')}`);
        console.log('  (and forskare2–4, rapportor-halland, rapportor-stockholm; the password is shown only now)');
        return 0;
      } catch (err) {
        if (err instanceof SeedRefused) {
          console.error(err.message);
          return 1;
        }
        throw err;
      } finally {
        await app.close();
        await db.close();
      }
    }
    default:
      console.error(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

async function withAppDataSource(fn: (ds: ReturnType<typeof createDataSource>) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const db = await openAppDatabase(config);
  const ds = createDataSource({ url: db.url });
  try {
    await ds.initialize();
    return await fn(ds);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
