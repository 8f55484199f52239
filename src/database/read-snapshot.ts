import { DataSource, QueryRunner } from 'typeorm';

/**
 * Runs `fn` on one connection in a read-only REPEATABLE READ transaction: every statement sees
 * the same snapshot (a streamed export's parts agree with each other), and the pool's statement
 * and idle-in-transaction limits are raised to `timeoutMs` for this transaction only (SET LOCAL),
 * because a large download may legitimately take minutes and wait on a slow client.
 */
export async function inReadSnapshot<T>(ds: DataSource, timeoutMs: number, fn: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    const ms = String(Math.floor(timeoutMs));
    await runner.query(`SELECT set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $1, true)`, [ms]);
    const result = await fn(runner);
    await runner.commitTransaction();
    return result;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
