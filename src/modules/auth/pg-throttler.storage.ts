import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { DataSource } from 'typeorm';

/**
 * @nestjs/throttler's counters in PostgreSQL (table rate_limit_counter), so that every API
 * instance behind a load balancer counts the same attempts. A fixed window per key: the first
 * attempt opens it for `ttl`; the attempt that exceeds `limit` blocks the key for
 * `blockDuration`, during which attempts are refused and not counted. One statement per attempt.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  private sweeps = 0;

  constructor(private readonly ds: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [row]: { hits: number; expires_in: number; blocked: boolean; blocked_for: number }[] = await this.ds.query(
      `WITH next AS (
         SELECT now() + make_interval(secs => $2::float8 / 1000) AS window_ends_at,
                now() + make_interval(secs => $4::float8 / 1000) AS blocked_until
       )
       INSERT INTO rate_limit_counter AS c (key, hits, window_ends_at, blocked_until)
       SELECT $1, 1, next.window_ends_at, CASE WHEN 1 > $3 THEN next.blocked_until END FROM next
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.blocked_until > now() THEN c.hits WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.blocked_until > now() OR c.window_ends_at > now() THEN c.window_ends_at ELSE EXCLUDED.window_ends_at END,
         blocked_until = CASE
           WHEN c.blocked_until > now() THEN c.blocked_until
           WHEN (CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END) > $3 THEN (SELECT blocked_until FROM next)
         END
       RETURNING hits, ceil(extract(epoch FROM window_ends_at - now()))::int AS expires_in,
                 coalesce(blocked_until > now(), false) AS blocked,
                 greatest(0, ceil(extract(epoch FROM blocked_until - now())))::int AS blocked_for`,
      [key, ttl, limit, blockDuration],
    );
    if (++this.sweeps % 500 === 0) void this.sweep();
    return { totalHits: row.hits, timeToExpire: row.expires_in, isBlocked: row.blocked, timeToBlockExpire: row.blocked ? row.blocked_for : 0 };
  }

  /** Forgets windows that are over and not blocked (every 500 attempts of this instance). */
  async sweep(): Promise<void> {
    await this.ds
      .query(`DELETE FROM rate_limit_counter WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`)
      .catch(() => undefined);
  }
}
