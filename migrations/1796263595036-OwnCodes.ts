import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Researchers' own codes (issue 14 §3): the own_code table, the own_code_ids of observations and
 * segments (GIN-indexed, for filters and merges), one live name per scope, and no DELETE for the
 * app's role: a code is retired or merged, never removed, so every id a coding holds resolves.
 */
export class OwnCodes1796263595036 implements MigrationInterface {
  name = 'OwnCodes1796263595036';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "own_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "colour" character(7) NOT NULL, "parent_dimension" character varying(40), "parent_id" uuid, "pilot_id" uuid, "created_by" uuid NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, "retire_reason" text, "merged_into_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "chk_own_code_merged" CHECK ("merged_into_id" IS NULL OR "retired_at" IS NOT NULL), CONSTRAINT "chk_own_code_retired" CHECK (("retired_at" IS NULL) = ("retire_reason" IS NULL)), CONSTRAINT "chk_own_code_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "chk_own_code_one_parent" CHECK ("parent_dimension" IS NULL OR "parent_id" IS NULL), CONSTRAINT "chk_own_code_colour" CHECK ("colour" ~ '^#[0-9A-F]{6}$'), CONSTRAINT "PK_80e8988ecb7ce3371741f1c0c54" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_own_code_parent_id" ON "own_code"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "idx_own_code_pilot_id" ON "own_code"  ("pilot_id") `);
    await queryRunner.query(`ALTER TABLE "observation" ADD "own_code_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "coded_segment" ADD "own_code_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'OWN_CODE'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "own_code" ADD CONSTRAINT "fk_own_code_parent" FOREIGN KEY ("parent_id") REFERENCES "own_code"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "own_code" ADD CONSTRAINT "fk_own_code_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "own_code" ADD CONSTRAINT "fk_own_code_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "own_code" ADD CONSTRAINT "fk_own_code_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "own_code"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // By hand: one live code of a name (whatever its case) per scope, the shared scope included.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_own_code_scope_name" ON "own_code" (COALESCE("pilot_id", '00000000-0000-0000-0000-000000000000'), lower("name")) WHERE "retired_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_observation_own_code_ids_gin" ON "observation" USING gin ("own_code_ids")`);
    await queryRunner.query(`CREATE INDEX "idx_coded_segment_own_code_ids_gin" ON "coded_segment" USING gin ("own_code_ids")`);
    await queryRunner.query(`REVOKE DELETE ON "own_code" FROM tillit_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_coded_segment_own_code_ids_gin"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_own_code_ids_gin"`);
    await queryRunner.query(`DROP INDEX "public"."uq_own_code_scope_name"`);
    await queryRunner.query(`ALTER TABLE "own_code" DROP CONSTRAINT "fk_own_code_merged_into"`);
    await queryRunner.query(`ALTER TABLE "own_code" DROP CONSTRAINT "fk_own_code_created_by"`);
    await queryRunner.query(`ALTER TABLE "own_code" DROP CONSTRAINT "fk_own_code_pilot"`);
    await queryRunner.query(`ALTER TABLE "own_code" DROP CONSTRAINT "fk_own_code_parent"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH', 'STAFF_SIZE', 'SURVEY_LINK', 'OBSTACLE', 'EFFECT', 'IDEA', 'SUPERVISION', 'EVALUATION_REPORT', 'EVIDENCE_LINK')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP COLUMN "own_code_ids"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "own_code_ids"`);
    await queryRunner.query(`DROP INDEX "public"."idx_own_code_pilot_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_own_code_parent_id"`);
    await queryRunner.query(`DROP TABLE "own_code"`);
  }
}
