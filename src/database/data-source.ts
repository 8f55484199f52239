import * as path from 'node:path';
import type { DatabaseTimeouts } from '../config/config';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { SafeTypeOrmLogger } from './typeorm-logger';

/** Compiled: dist/src/database → dist/migrations. ts-node/jest: src/database → migrations. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', 'migrations');

export interface DataSourceParams {
  url: string;
  /** A streaming replica of `url`: analytics' statements read there (read-replica.ts). */
  replicaUrl?: string;
  poolSize?: number;
  logger?: TypeOrmLogger;
  applicationName?: string;
  /** The API's limits (config DB_*_TIMEOUT_MS); tools that migrate or load data run without them. */
  timeouts?: Pick<DatabaseTimeouts, 'statementMs' | 'lockMs' | 'idleInTransactionMs'>;
}

export function dataSourceOptions(p: DataSourceParams): DataSourceOptions {
  return {
    type: 'postgres',
    // With a replica, TypeORM keeps a pool for each; everything uses the primary unless it asks
    // for the replica (analyticsQuery), so nobody reads a stale copy of what they just wrote.
    ...(p.replicaUrl ? { replication: { master: { url: p.url }, slaves: [{ url: p.replicaUrl }], defaultMode: 'master' as const } } : { url: p.url }),
    entities: ENTITIES,
    migrations: [path.join(MIGRATIONS_DIR, '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    migrationsRun: false, // src/database/migrate.ts runs them, as the owner
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations only.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Never TypeORM's own console loggers: they print failed queries with their parameters.
    logger: p.logger ?? new SafeTypeOrmLogger(['warn', 'migration']),
    applicationName: p.applicationName ?? 'tillit-tracker',
    // A request waits at most 10 s for a pooled connection, then fails, rather than hanging for ever.
    // Every connection starts with the limits (startup parameters), so a lock held elsewhere or a
    // runaway statement fails one request with a clear error instead of draining the pool.
    extra: {
      max: p.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      // No JIT compilation: our analytics take tens of milliseconds, and where the planner's
      // estimate crossed jit_above_cost, compiling took longer than the query (indicatorLoad on M:
      // 400 ms of JIT for 10 ms of work; docs/benchmarks.md). Servers built without LLVM ignore it.
      options: '-c jit=off',
      ...(p.timeouts && {
        statement_timeout: p.timeouts.statementMs,
        lock_timeout: p.timeouts.lockMs,
        idle_in_transaction_session_timeout: p.timeouts.idleInTransactionMs,
      }),
    },
  };
}

export function createDataSource(p: DataSourceParams): DataSource {
  return new DataSource(dataSourceOptions(p));
}
