import type { DataSource } from 'typeorm';

/**
 * A read-only analytics statement: on the read replica when DATABASE_REPLICA_URL is set
 * (TypeORM's replication, whose `slave` pool it is), else on the primary. Everything else —
 * writes, and reads a user expects to see their own writes in — stays on the primary
 * (`defaultMode: 'master'` in data-source.ts). On a replica, results may lag the primary by the
 * replication delay (docs/operations.md).
 */
export async function analyticsQuery<T = Record<string, unknown>>(ds: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const runner = ds.createQueryRunner('slave');
  try {
    return (await runner.query(sql, params)) as T[];
  } finally {
    await runner.release();
  }
}
