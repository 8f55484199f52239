import { MigrationInterface, QueryRunner } from 'typeorm';

export class Obstacles1796246271107 implements MigrationInterface {
  name = 'Obstacles1796246271107';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."obstacle_type" AS ENUM('LEGISLATION', 'SUPERVISION', 'COMPENSATION_MODEL', 'STATE_GRANTS_AGREEMENTS', 'IT_SYSTEMS', 'STAFFING_COMPETENCE', 'BUDGET_RESOURCES', 'ORGANISATION_COLLABORATION', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."change_maker" AS ENUM('GOVERNMENT', 'AGENCY', 'PRINCIPAL', 'ORGANISATION_ITSELF')`);
    await queryRunner.query(`CREATE TYPE "public"."obstacle_status" AS ENUM('IDENTIFIED', 'RAISED', 'BEING_ADDRESSED', 'REMOVED', 'KEPT')`);
    await queryRunner.query(
      `CREATE TABLE "obstacle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "pilot_id" uuid NOT NULL, "type" "public"."obstacle_type" NOT NULL, "description" text NOT NULL, "level" "public"."steering_level" NOT NULL, "cause_instrument_id" uuid, "cause_organisation_id" uuid, "cause_text" text NOT NULL DEFAULT '', "proposed_change" text NOT NULL DEFAULT '', "change_by" "public"."change_maker", "status" "public"."obstacle_status" NOT NULL, "identified_on" date NOT NULL, "recorded_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_8a651754ae60814cbcc4bb60a76" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_obstacle_pilot_id" ON "obstacle"  ("pilot_id") `);
    await queryRunner.query(`CREATE INDEX "idx_obstacle_type" ON "obstacle"  ("type") `);
    await queryRunner.query(`CREATE INDEX "idx_obstacle_level" ON "obstacle"  ("level") `);
    await queryRunner.query(`CREATE INDEX "idx_obstacle_status" ON "obstacle"  ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_obstacle_identified_on_id" ON "obstacle"  ("identified_on", "id") `);
    await queryRunner.query(
      `CREATE TABLE "obstacle_organisation" ("obstacle_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_7fa6158408c01cb9c3237133ce9" PRIMARY KEY ("obstacle_id", "organisation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_obstacle_organisation_organisation_id" ON "obstacle_organisation"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "obstacle_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "obstacle_id" uuid NOT NULL, "status" "public"."obstacle_status" NOT NULL, "reason" text, "changed_on" date NOT NULL, "changed_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_69a404e55bc417147717a80c53d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_obstacle_status_change_obstacle_id" ON "obstacle_status_change"  ("obstacle_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'OBSTACLE'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "obstacle" ADD CONSTRAINT "fk_obstacle_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obstacle" ADD CONSTRAINT "fk_obstacle_cause_instrument" FOREIGN KEY ("cause_instrument_id") REFERENCES "steering_instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obstacle" ADD CONSTRAINT "fk_obstacle_cause_organisation" FOREIGN KEY ("cause_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obstacle_organisation" ADD CONSTRAINT "fk_obstacle_organisation_obstacle" FOREIGN KEY ("obstacle_id") REFERENCES "obstacle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obstacle_organisation" ADD CONSTRAINT "fk_obstacle_organisation_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obstacle_status_change" ADD CONSTRAINT "fk_obstacle_status_change_obstacle" FOREIGN KEY ("obstacle_id") REFERENCES "obstacle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // By hand: a status history is appended, never rewritten (the LeastPrivilege migration's rule).
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "obstacle_status_change" FROM tillit_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "obstacle_status_change" DROP CONSTRAINT "fk_obstacle_status_change_obstacle"`);
    await queryRunner.query(`ALTER TABLE "obstacle_organisation" DROP CONSTRAINT "fk_obstacle_organisation_organisation"`);
    await queryRunner.query(`ALTER TABLE "obstacle_organisation" DROP CONSTRAINT "fk_obstacle_organisation_obstacle"`);
    await queryRunner.query(`ALTER TABLE "obstacle" DROP CONSTRAINT "fk_obstacle_cause_organisation"`);
    await queryRunner.query(`ALTER TABLE "obstacle" DROP CONSTRAINT "fk_obstacle_cause_instrument"`);
    await queryRunner.query(`ALTER TABLE "obstacle" DROP CONSTRAINT "fk_obstacle_pilot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH', 'STAFF_SIZE', 'SURVEY_LINK')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_obstacle_status_change_obstacle_id"`);
    await queryRunner.query(`DROP TABLE "obstacle_status_change"`);
    await queryRunner.query(`DROP INDEX "public"."idx_obstacle_organisation_organisation_id"`);
    await queryRunner.query(`DROP TABLE "obstacle_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_obstacle_identified_on_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_obstacle_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_obstacle_level"`);
    await queryRunner.query(`DROP INDEX "public"."idx_obstacle_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_obstacle_pilot_id"`);
    await queryRunner.query(`DROP TABLE "obstacle"`);
    await queryRunner.query(`DROP TYPE "public"."obstacle_status"`);
    await queryRunner.query(`DROP TYPE "public"."change_maker"`);
    await queryRunner.query(`DROP TYPE "public"."obstacle_type"`);
  }
}
