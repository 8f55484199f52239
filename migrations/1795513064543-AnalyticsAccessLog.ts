import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsAccessLog1795513064543 implements MigrationInterface {
  name = 'AnalyticsAccessLog1795513064543';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_access_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "operation" character varying(100) NOT NULL, "arguments" jsonb NOT NULL, CONSTRAINT "PK_8bd7810b3ecb239cd0816abe2c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_analytics_access_log_seq" ON "analytics_access_log"  ("seq") `);
    await queryRunner.query(`CREATE INDEX "idx_analytics_access_log_at" ON "analytics_access_log"  ("at") `);
    await queryRunner.query(`CREATE INDEX "idx_analytics_access_log_user_id" ON "analytics_access_log"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "idx_analytics_access_log_operation" ON "analytics_access_log"  ("operation") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_analytics_access_log_operation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_analytics_access_log_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_analytics_access_log_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_analytics_access_log_seq"`);
    await queryRunner.query(`DROP TABLE "analytics_access_log"`);
  }
}
