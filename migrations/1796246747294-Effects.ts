import { MigrationInterface, QueryRunner } from 'typeorm';

export class Effects1796246747294 implements MigrationInterface {
  name = 'Effects1796246747294';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."effect_aspect" AS ENUM('EQUAL_ACCESS', 'LEGAL_CERTAINTY', 'QUALITY', 'COSTS', 'COMPLIANCE_WITH_INTENTIONS', 'COST_CONTROL', 'INCENTIVES_PRODUCTION_QUALITY', 'STAFF_DISCRETION', 'ADMINISTRATIVE_BURDEN', 'INNOVATION_DEVELOPMENT', 'COLLABORATION')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."effect_direction" AS ENUM('BETTER', 'NO_CHANGE', 'WORSE', 'MIXED')`);
    await queryRunner.query(`CREATE TYPE "public"."evidence_strength" AS ENUM('WEAK', 'MODERATE', 'STRONG')`);
    await queryRunner.query(
      `CREATE TABLE "effect" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "pilot_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "aspect" "public"."effect_aspect" NOT NULL, "direction" "public"."effect_direction" NOT NULL, "evidence_strength" "public"."evidence_strength" NOT NULL, "for_whom" text NOT NULL DEFAULT '', "assessment" text NOT NULL, "evidence" text NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "chk_effect_period" CHECK ("period_end" >= "period_start"), CONSTRAINT "PK_d9f2bcb19b53f7f26e0b7c484e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_effect_pilot_id" ON "effect"  ("pilot_id") `);
    await queryRunner.query(`CREATE INDEX "idx_effect_aspect" ON "effect"  ("aspect") `);
    await queryRunner.query(`CREATE INDEX "idx_effect_direction" ON "effect"  ("direction") `);
    await queryRunner.query(`CREATE INDEX "idx_effect_period_start_id" ON "effect"  ("period_start", "id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'EFFECT'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "effect" ADD CONSTRAINT "fk_effect_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "effect" DROP CONSTRAINT "fk_effect_pilot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH', 'STAFF_SIZE', 'SURVEY_LINK', 'OBSTACLE')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_effect_period_start_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_effect_direction"`);
    await queryRunner.query(`DROP INDEX "public"."idx_effect_aspect"`);
    await queryRunner.query(`DROP INDEX "public"."idx_effect_pilot_id"`);
    await queryRunner.query(`DROP TABLE "effect"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_strength"`);
    await queryRunner.query(`DROP TYPE "public"."effect_direction"`);
    await queryRunner.query(`DROP TYPE "public"."effect_aspect"`);
  }
}
