import { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveyLinks1796234174801 implements MigrationInterface {
  name = 'SurveyLinks1796234174801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // By hand: a response keeps only its day (survey links: nothing finer than the day may date
    // an answer), converted in place instead of TypeORM's drop and re-add.
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "created_at" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "created_at" TYPE date USING ("created_at" AT TIME ZONE 'UTC')::date`);
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "created_at" SET DEFAULT ('now'::text)::date`);
    await queryRunner.query(`ALTER TABLE "survey_response" RENAME COLUMN "created_at" TO "submitted_on"`);
    await queryRunner.query(
      `CREATE TABLE "survey_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "wave_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "token" character varying(64) NOT NULL, "invited" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "revoke_reason" text, CONSTRAINT "uq_survey_link_token" UNIQUE ("token"), CONSTRAINT "chk_survey_link_revoked" CHECK (("revoked_at" IS NULL) = ("revoke_reason" IS NULL) AND ("revoked_at" IS NULL) = ("revoked_by" IS NULL)), CONSTRAINT "chk_survey_link_invited" CHECK ("invited" IS NULL OR "invited" >= 0), CONSTRAINT "PK_8f3352c16dfb26e1952c0598733" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_link_wave_id" ON "survey_link"  ("wave_id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_link_unit_id" ON "survey_link"  ("unit_id") `);
    await queryRunner.query(`ALTER TABLE "survey_batch" ADD "link_id" uuid`);
    await queryRunner.query(`ALTER TYPE "public"."survey_batch_source" ADD VALUE 'LINK'`);
    // By hand: a new audit entity, added in place (TypeORM would recreate the type).
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'SURVEY_LINK'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_batch_link_day" ON "survey_batch"  ("link_id", "created_at") WHERE "link_id" IS NOT NULL AND "withdrawn_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_link" ADD CONSTRAINT "fk_survey_link_wave" FOREIGN KEY ("wave_id") REFERENCES "survey_wave"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_link" ADD CONSTRAINT "fk_survey_link_unit" FOREIGN KEY ("unit_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_batch" ADD CONSTRAINT "fk_survey_batch_link" FOREIGN KEY ("link_id") REFERENCES "survey_link"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_batch" DROP CONSTRAINT "fk_survey_batch_link"`);
    await queryRunner.query(`ALTER TABLE "survey_link" DROP CONSTRAINT "fk_survey_link_unit"`);
    await queryRunner.query(`ALTER TABLE "survey_link" DROP CONSTRAINT "fk_survey_link_wave"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_batch_link_day"`);
    // (Refused while the append-only trail holds entries about links, as for every earlier entity.)
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH', 'STAFF_SIZE')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`CREATE TYPE "public"."survey_batch_source_old" AS ENUM('API', 'CSV')`);
    await queryRunner.query(
      `ALTER TABLE "survey_batch" ALTER COLUMN "source" TYPE "public"."survey_batch_source_old" USING "source"::"text"::"public"."survey_batch_source_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."survey_batch_source"`);
    await queryRunner.query(`ALTER TYPE "public"."survey_batch_source_old" RENAME TO "survey_batch_source"`);
    await queryRunner.query(`ALTER TABLE "survey_batch" DROP COLUMN "link_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_link_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_link_wave_id"`);
    await queryRunner.query(`DROP TABLE "survey_link"`);
    await queryRunner.query(`ALTER TABLE "survey_response" RENAME COLUMN "submitted_on" TO "created_at"`);
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "created_at" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "survey_response" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE USING "created_at"::timestamp AT TIME ZONE 'UTC'`,
    );
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "created_at" SET DEFAULT now()`);
  }
}
