import 'reflect-metadata';
import pino from 'pino';
import { createApp } from './app.factory';
import { baseLogOptions } from './common/logging/log-options';
import { ConfigError, loadConfig } from './config/config';
import { DataSource } from 'typeorm';
import { EmbeddedPostgresBusyError, EmbeddedPostgresHandle, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { prepareEmbeddedRoles, privilegeReport, RoleUrls } from './database/roles';

const DATABASE = 'tillit';

/** A start-up failure the user can fix; printed as one sentence, without a stack. */
class StartupError extends Error {}

/** On a failed start: stop the embedded server we started, then fail. */
const stopAnd =
  (embedded: EmbeddedPostgresHandle | undefined) =>
  async (err: unknown): Promise<never> => {
    await embedded?.stop();
    throw err;
  };

/**
 * The API should not be able to rewrite history: when its role is a superuser, owns the tables
 * or may update the audit trail (one role for everything), say so at every start.
 */
async function warnIfPrivileged(ds: DataSource, log: pino.Logger): Promise<void> {
  const r = await privilegeReport((sql) => ds.query(sql));
  if (r.superuser || r.ownsTables > 0 || r.canRewriteAudit) {
    log.warn(
      { role: r.role, superuser: r.superuser, ownsTables: r.ownsTables },
      'the API connects as a role that can alter the audit trail; give it a runtime role of its own (DATABASE_URL) and migrate as the owner (DATABASE_OWNER_URL): docs/configuration.md',
    );
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ ...baseLogOptions(config.log.level), base: { context: 'Bootstrap' } });

  let embedded: EmbeddedPostgresHandle | undefined;
  let roles: RoleUrls;
  if (config.database.url) {
    roles = { runtimeUrl: config.database.url, ownerUrl: config.database.ownerUrl ?? config.database.url };
  } else {
    log.info({ dataDir: config.database.dataDir }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: config.database.dataDir,
      port: config.database.embeddedPort,
      database: DATABASE,
      log: (line) => log.debug({ postgres: line }),
      notice: (line) => log.warn(line),
    });
    roles = await prepareEmbeddedRoles(embedded.url, config.database.dataDir).catch(stopAnd(embedded));
    log.info({ port: config.database.embeddedPort }, 'embedded PostgreSQL is ready');
  }

  if (config.database.migrationsRun) {
    // As the owner; the API itself connects as the runtime role (docs/architecture.md).
    const applied = await runMigrations(roles.ownerUrl).catch(stopAnd(embedded));
    if (applied.length) log.info({ applied }, 'applied migrations');
  }

  const app = await createApp({ config, databaseUrl: roles.runtimeUrl }).catch(stopAnd(embedded));
  await warnIfPrivileged(app.get(DataSource), log);
  await app.listen(config.http.port, config.http.host).catch(async (err: NodeJS.ErrnoException) => {
    await app.close().catch(() => undefined);
    await embedded?.stop();
    if (err.code === 'EADDRINUSE') {
      throw new StartupError(`Port ${config.http.port} on ${config.http.host} is already in use: stop what uses it, or set PORT.`);
    }
    throw err;
  });
  log.info(`Tillit Tracker is listening: GraphQL at http://${config.http.host}:${config.http.port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app.close().catch((err) => log.error({ err }, 'error while closing the app'));
    await embedded?.stop().catch((err) => log.error({ err }, 'error while stopping PostgreSQL'));
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof EmbeddedPostgresBusyError || err instanceof StartupError) {
    console.error(err.message);
  } else {
    console.error('Tillit Tracker could not start:', err instanceof Error ? (err.stack ?? err.message) : err);
  }
  process.exit(1);
});
