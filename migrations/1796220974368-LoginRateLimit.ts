import { MigrationInterface, QueryRunner } from 'typeorm';

/** Login attempt counters for @nestjs/throttler (RateLimitCounterEntity), shared by every instance. */
export class LoginRateLimit1796220974368 implements MigrationInterface {
  name = 'LoginRateLimit1796220974368';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_counter" ("key" character(64) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5bfa3ad3fe33321b1d17eae4746" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_rate_limit_counter_window_ends_at" ON "rate_limit_counter"  ("window_ends_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_rate_limit_counter_window_ends_at"`);
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
