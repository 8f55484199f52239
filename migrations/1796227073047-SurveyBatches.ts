import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survey responses are corrected by the submission that brought them (SurveyBatchEntity): every
 * response belongs to a batch; those stored before get one batch per submission.
 */
export class SurveyBatches1796227073047 implements MigrationInterface {
  name = 'SurveyBatches1796227073047';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."survey_batch_source" AS ENUM('API', 'CSV')`);
    await queryRunner.query(
      `CREATE TABLE "survey_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "wave_id" uuid NOT NULL, "source" "public"."survey_batch_source" NOT NULL, "response_count" integer NOT NULL, "submitted_by" uuid NOT NULL, "upload_key" character(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "withdraw_reason" text, CONSTRAINT "uq_survey_batch_upload_key" UNIQUE ("wave_id", "upload_key"), CONSTRAINT "chk_survey_batch_withdrawn" CHECK (("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL)), CONSTRAINT "PK_54fcd511f066599f538a871fc87" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_batch_wave_id" ON "survey_batch"  ("wave_id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_batch_submitted_by" ON "survey_batch"  ("submitted_by") `);
    await queryRunner.query(`ALTER TABLE "survey_response" ADD "batch_id" uuid`);
    // Responses stored before: one batch per submission (same wave, submitter and commit time).
    await queryRunner.query(`INSERT INTO "survey_batch" ("wave_id", "source", "response_count", "submitted_by", "created_at")
            SELECT "wave_id", 'API', count(*), "submitted_by", "created_at" FROM "survey_response" GROUP BY 1, 4, 5`);
    await queryRunner.query(`UPDATE "survey_response" r SET "batch_id" = b."id" FROM "survey_batch" b
            WHERE b."wave_id" = r."wave_id" AND b."submitted_by" = r."submitted_by" AND b."created_at" = r."created_at"`);
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "batch_id" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'SURVEY_BATCH'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_response_batch_id" ON "survey_response"  ("batch_id") `);
    await queryRunner.query(
      `ALTER TABLE "survey_batch" ADD CONSTRAINT "fk_survey_batch_wave" FOREIGN KEY ("wave_id") REFERENCES "survey_wave"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_batch" FOREIGN KEY ("batch_id") REFERENCES "survey_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_batch"`);
    await queryRunner.query(`ALTER TABLE "survey_batch" DROP CONSTRAINT "fk_survey_batch_wave"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_response_batch_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP COLUMN "batch_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_batch_submitted_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_batch_wave_id"`);
    await queryRunner.query(`DROP TABLE "survey_batch"`);
    await queryRunner.query(`DROP TYPE "public"."survey_batch_source"`);
  }
}
