import 'reflect-metadata';
import pino from 'pino';
import { createApp } from './app.factory';
import { baseLogOptions } from './common/logging/log-options';
import { ConfigError, loadConfig } from './config/config';
import { EmbeddedPostgresBusyError, EmbeddedPostgresHandle, startEmbeddedPostgres } from './database/embedded-postgres';

const DATABASE = 'tillit';

/** A start-up failure the user can fix; printed as one sentence, without a stack. */
class StartupError extends Error {}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ ...baseLogOptions(config.log.level), base: { context: 'Bootstrap' } });

  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    log.info({ dataDir: config.database.dataDir }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: config.database.dataDir,
      port: config.database.embeddedPort,
      database: DATABASE,
      log: (line) => log.debug({ postgres: line }),
      notice: (line) => log.warn(line),
    });
    databaseUrl = embedded.url;
    log.info({ port: config.database.embeddedPort }, 'embedded PostgreSQL is ready');
  }

  const app = await createApp({ config, databaseUrl }).catch(async (err) => {
    await embedded?.stop();
    throw err;
  });
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
