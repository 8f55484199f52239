import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** A value in COPY's text format: NULL as \N. Callers pass only values without tabs, newlines or backslashes. */
export const copyValue = (v: string | number | null | undefined): string => (v === null || v === undefined ? '\\N' : String(v));

/**
 * `COPY <table> (<columns>) FROM STDIN` of rows already in COPY's text format (one line each,
 * values tab-separated), on the transaction's own connection, so it commits or rolls back with
 * the rest. Returns the number of rows stored.
 */
export async function copyRows(em: EntityManager, table: string, columns: string[], lines: string[]): Promise<number> {
  const client = await (em.queryRunner as PostgresQueryRunner).connect();
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([lines.join('')]), stream);
  return stream.rowCount;
}
