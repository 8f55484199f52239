import { MigrationInterface, QueryRunner } from 'typeorm';

export class Supervision1796250588352 implements MigrationInterface {
  name = 'Supervision1796250588352';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."supervision_kind" AS ENUM('INSPECTION', 'COMPLAINT_INVESTIGATION', 'THEMATIC_REVIEW', 'DATA_REQUEST', 'DIALOGUE')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."request_frequency" AS ENUM('ONCE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'IRREGULAR')`);
    await queryRunner.query(`CREATE TYPE "public"."supervision_character" AS ENUM('CONTROLLING', 'ENABLING', 'MIXED')`);
    await queryRunner.query(
      `CREATE TABLE "supervision_interaction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "occurred_on" date NOT NULL, "kind" "public"."supervision_kind" NOT NULL, "data_requested" text NOT NULL DEFAULT '', "frequency" "public"."request_frequency", "staff_hours" numeric(10,2) NOT NULL, "overlaps_interaction_id" uuid, "overlaps_instrument_id" uuid, "character" "public"."supervision_character" NOT NULL, "feedback" text NOT NULL DEFAULT '', "supported_learning" boolean, "recorded_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "chk_supervision_not_self_overlap" CHECK ("overlaps_interaction_id" IS DISTINCT FROM "id"), CONSTRAINT "chk_supervision_staff_hours" CHECK ("staff_hours" >= 0 AND "staff_hours" <= 100000), CONSTRAINT "PK_72989512f2b887ffbeef6d15756" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_supervision_organisation_id" ON "supervision_interaction"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_supervision_supervisor_id" ON "supervision_interaction"  ("supervisor_id") `);
    await queryRunner.query(`CREATE INDEX "idx_supervision_kind" ON "supervision_interaction"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "idx_supervision_overlaps_interaction_id" ON "supervision_interaction"  ("overlaps_interaction_id") `);
    await queryRunner.query(`CREATE INDEX "idx_supervision_overlaps_instrument_id" ON "supervision_interaction"  ("overlaps_instrument_id") `);
    await queryRunner.query(`CREATE INDEX "idx_supervision_occurred_on_id" ON "supervision_interaction"  ("occurred_on", "id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'SUPERVISION'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "supervision_interaction" ADD CONSTRAINT "fk_supervision_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_interaction" ADD CONSTRAINT "fk_supervision_supervisor" FOREIGN KEY ("supervisor_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_interaction" ADD CONSTRAINT "fk_supervision_overlaps_interaction" FOREIGN KEY ("overlaps_interaction_id") REFERENCES "supervision_interaction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_interaction" ADD CONSTRAINT "fk_supervision_overlaps_instrument" FOREIGN KEY ("overlaps_instrument_id") REFERENCES "steering_instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supervision_interaction" DROP CONSTRAINT "fk_supervision_overlaps_instrument"`);
    await queryRunner.query(`ALTER TABLE "supervision_interaction" DROP CONSTRAINT "fk_supervision_overlaps_interaction"`);
    await queryRunner.query(`ALTER TABLE "supervision_interaction" DROP CONSTRAINT "fk_supervision_supervisor"`);
    await queryRunner.query(`ALTER TABLE "supervision_interaction" DROP CONSTRAINT "fk_supervision_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH', 'STAFF_SIZE', 'SURVEY_LINK', 'OBSTACLE', 'EFFECT', 'IDEA')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_supervision_occurred_on_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_supervision_overlaps_instrument_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_supervision_overlaps_interaction_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_supervision_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_supervision_supervisor_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_supervision_organisation_id"`);
    await queryRunner.query(`DROP TABLE "supervision_interaction"`);
    await queryRunner.query(`DROP TYPE "public"."supervision_character"`);
    await queryRunner.query(`DROP TYPE "public"."request_frequency"`);
    await queryRunner.query(`DROP TYPE "public"."supervision_kind"`);
  }
}
