import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reporting1795511749915 implements MigrationInterface {
  name = 'Reporting1795511749915';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."instrument_kind" AS ENUM('LAW_OR_REGULATION', 'STATE_SKL_AGREEMENT', 'TARGETED_GRANT', 'COMPENSATION_MODEL', 'SUPERVISION', 'PRINCIPAL_FOLLOW_UP', 'QUALITY_REGISTRY', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."compensation_principle" AS ENUM('APPROPRIATION', 'CAPITATION', 'PER_PLACE', 'PER_GRANTED_SERVICE', 'PER_PERFORMED_SERVICE', 'PER_PRODUCT_GROUP', 'GOAL_BASED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "steering_instrument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "description" text NOT NULL, "kind" "public"."instrument_kind" NOT NULL, "governance_form" "public"."governance_form" NOT NULL, "compensation_principle" "public"."compensation_principle", "imposed_by_id" uuid NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "amount_sek" bigint, "conditions" text, "created_by" uuid NOT NULL, CONSTRAINT "chk_steering_instrument_amount" CHECK ("amount_sek" IS NULL OR "amount_sek" >= 0), CONSTRAINT "chk_steering_instrument_validity" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "PK_e265a683833b312e48cc96d4d47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_steering_instrument_kind" ON "steering_instrument"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "idx_steering_instrument_governance_form" ON "steering_instrument"  ("governance_form") `);
    await queryRunner.query(`CREATE INDEX "idx_steering_instrument_imposed_by_id" ON "steering_instrument"  ("imposed_by_id") `);
    await queryRunner.query(`CREATE INDEX "idx_steering_instrument_name_id" ON "steering_instrument"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_steering_instrument_valid" ON "steering_instrument"  ("valid_from", "valid_to") `);
    await queryRunner.query(
      `CREATE TABLE "steering_instrument_target" ("instrument_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_1683bb4c5c47d8473eae5a235dd" PRIMARY KEY ("instrument_id", "organisation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_steering_instrument_target_organisation_id" ON "steering_instrument_target"  ("organisation_id") `);
    await queryRunner.query(`CREATE TYPE "public"."measure_type" AS ENUM('STRUCTURE', 'PROCESS', 'RESULT')`);
    await queryRunner.query(`CREATE TYPE "public"."aggregation_level" AS ENUM('INDIVIDUAL', 'UNIT', 'ORGANISATION', 'COUNTY')`);
    await queryRunner.query(`CREATE TYPE "public"."reporting_frequency" AS ENUM('CONTINUOUS', 'MONTHLY', 'QUARTERLY', 'TWICE_A_YEAR', 'YEARLY')`);
    await queryRunner.query(
      `CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "description" text NOT NULL, "instrument_id" uuid NOT NULL, "measure_type" "public"."measure_type" NOT NULL, "aggregation_level" "public"."aggregation_level" NOT NULL, "reporting_frequency" "public"."reporting_frequency" NOT NULL, "payment_dependent" boolean NOT NULL, "introduced_on" date NOT NULL, "retired_on" date, "created_by" uuid NOT NULL, CONSTRAINT "chk_indicator_dates" CHECK ("retired_on" IS NULL OR "retired_on" >= "introduced_on"), CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_indicator_instrument_id" ON "indicator"  ("instrument_id") `);
    await queryRunner.query(`CREATE INDEX "idx_indicator_measure_type" ON "indicator"  ("measure_type") `);
    await queryRunner.query(`CREATE INDEX "idx_indicator_payment_dependent" ON "indicator"  ("payment_dependent") `);
    await queryRunner.query(`CREATE INDEX "idx_indicator_name_id" ON "indicator"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_indicator_in_force" ON "indicator"  ("introduced_on", "retired_on") `);
    await queryRunner.query(`CREATE TYPE "public"."period_kind" AS ENUM('MONTH', 'QUARTER', 'YEAR')`);
    await queryRunner.query(`CREATE TYPE "public"."improvement_use" AS ENUM('YES', 'PARTLY', 'NO')`);
    await queryRunner.query(
      `CREATE TABLE "burden_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "indicator_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "period_kind" "public"."period_kind" NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "staff_hours" numeric(10,2) NOT NULL, "staff_count" integer NOT NULL, "record_count" integer, "double_registration" boolean NOT NULL, "used_for_improvement" "public"."improvement_use" NOT NULL, "perceived_usefulness" smallint, "comment" text NOT NULL, "reported_by" uuid NOT NULL, "revision" integer NOT NULL, CONSTRAINT "chk_burden_report_usefulness" CHECK ("perceived_usefulness" IS NULL OR "perceived_usefulness" BETWEEN 1 AND 5), CONSTRAINT "chk_burden_report_counts" CHECK ("staff_hours" >= 0 AND "staff_count" >= 0 AND ("record_count" IS NULL OR "record_count" >= 0)), CONSTRAINT "chk_burden_report_period" CHECK ("period_end" >= "period_start"), CONSTRAINT "ex_burden_report_overlap" EXCLUDE USING gist ("indicator_id" WITH =, "organisation_id" WITH =, daterange("period_start", "period_end", '[]') WITH &&), CONSTRAINT "PK_028768b8a147126973747f19abe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_burden_report_indicator_id" ON "burden_report"  ("indicator_id") `);
    await queryRunner.query(`CREATE INDEX "idx_burden_report_organisation_id" ON "burden_report"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_burden_report_period_start_id" ON "burden_report"  ("period_start", "id") `);
    await queryRunner.query(
      `CREATE TABLE "burden_report_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "revision" integer NOT NULL, "values" jsonb NOT NULL, "reported_by" uuid NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_burden_report_revision" UNIQUE ("report_id", "revision"), CONSTRAINT "PK_5f9dddca3a4ed118bcb3aaa00f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_burden_report_revision_report_id" ON "burden_report_revision"  ("report_id") `);
    await queryRunner.query(`CREATE TYPE "public"."time_thief_status" AS ENUM('REPORTED', 'UNDER_REVIEW', 'REMOVED', 'KEPT')`);
    await queryRunner.query(
      `CREATE TABLE "time_thief" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "task" character varying(500) NOT NULL, "process" character varying(300) NOT NULL, "imposed_by_instrument_id" uuid, "imposed_by_organisation_id" uuid, "minutes_per_week" integer NOT NULL, "staff_affected" integer NOT NULL, "proposed_remedy" text NOT NULL, "status" "public"."time_thief_status" NOT NULL, "reported_on" date NOT NULL, "reported_by" uuid NOT NULL, CONSTRAINT "chk_time_thief_counts" CHECK ("minutes_per_week" >= 0 AND "staff_affected" >= 0), CONSTRAINT "PK_f56f26088a9898b79a9b6602322" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_time_thief_organisation_id" ON "time_thief"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_time_thief_imposed_by_instrument_id" ON "time_thief"  ("imposed_by_instrument_id") `);
    await queryRunner.query(`CREATE INDEX "idx_time_thief_imposed_by_organisation_id" ON "time_thief"  ("imposed_by_organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_time_thief_status" ON "time_thief"  ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_time_thief_reported_on_id" ON "time_thief"  ("reported_on", "id") `);
    await queryRunner.query(
      `CREATE TABLE "time_thief_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "time_thief_id" uuid NOT NULL, "status" "public"."time_thief_status" NOT NULL, "reason" text, "changed_on" date NOT NULL, "changed_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab5d0bc20e8d637dc693e6e7ec7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_time_thief_status_change_time_thief_id" ON "time_thief_status_change"  ("time_thief_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'STEERING_INSTRUMENT'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'INDICATOR'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'BURDEN_REPORT'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'TIME_THIEF'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "steering_instrument" ADD CONSTRAINT "fk_steering_instrument_imposed_by" FOREIGN KEY ("imposed_by_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "steering_instrument_target" ADD CONSTRAINT "fk_steering_instrument_target_instrument" FOREIGN KEY ("instrument_id") REFERENCES "steering_instrument"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "steering_instrument_target" ADD CONSTRAINT "fk_steering_instrument_target_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "fk_indicator_instrument" FOREIGN KEY ("instrument_id") REFERENCES "steering_instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "burden_report" ADD CONSTRAINT "fk_burden_report_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "burden_report" ADD CONSTRAINT "fk_burden_report_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "burden_report_revision" ADD CONSTRAINT "fk_burden_report_revision_report" FOREIGN KEY ("report_id") REFERENCES "burden_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_thief" ADD CONSTRAINT "fk_time_thief_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_thief" ADD CONSTRAINT "fk_time_thief_instrument" FOREIGN KEY ("imposed_by_instrument_id") REFERENCES "steering_instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_thief" ADD CONSTRAINT "fk_time_thief_imposed_by_organisation" FOREIGN KEY ("imposed_by_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_thief_status_change" ADD CONSTRAINT "fk_time_thief_status_change_time_thief" FOREIGN KEY ("time_thief_id") REFERENCES "time_thief"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "time_thief_status_change" DROP CONSTRAINT "fk_time_thief_status_change_time_thief"`);
    await queryRunner.query(`ALTER TABLE "time_thief" DROP CONSTRAINT "fk_time_thief_imposed_by_organisation"`);
    await queryRunner.query(`ALTER TABLE "time_thief" DROP CONSTRAINT "fk_time_thief_instrument"`);
    await queryRunner.query(`ALTER TABLE "time_thief" DROP CONSTRAINT "fk_time_thief_organisation"`);
    await queryRunner.query(`ALTER TABLE "burden_report_revision" DROP CONSTRAINT "fk_burden_report_revision_report"`);
    await queryRunner.query(`ALTER TABLE "burden_report" DROP CONSTRAINT "fk_burden_report_organisation"`);
    await queryRunner.query(`ALTER TABLE "burden_report" DROP CONSTRAINT "fk_burden_report_indicator"`);
    await queryRunner.query(`ALTER TABLE "indicator" DROP CONSTRAINT "fk_indicator_instrument"`);
    await queryRunner.query(`ALTER TABLE "steering_instrument_target" DROP CONSTRAINT "fk_steering_instrument_target_organisation"`);
    await queryRunner.query(`ALTER TABLE "steering_instrument_target" DROP CONSTRAINT "fk_steering_instrument_target_instrument"`);
    await queryRunner.query(`ALTER TABLE "steering_instrument" DROP CONSTRAINT "fk_steering_instrument_imposed_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_time_thief_status_change_time_thief_id"`);
    await queryRunner.query(`DROP TABLE "time_thief_status_change"`);
    await queryRunner.query(`DROP INDEX "public"."idx_time_thief_reported_on_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_time_thief_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_time_thief_imposed_by_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_time_thief_imposed_by_instrument_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_time_thief_organisation_id"`);
    await queryRunner.query(`DROP TABLE "time_thief"`);
    await queryRunner.query(`DROP TYPE "public"."time_thief_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_burden_report_revision_report_id"`);
    await queryRunner.query(`DROP TABLE "burden_report_revision"`);
    await queryRunner.query(`DROP INDEX "public"."idx_burden_report_period_start_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_burden_report_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_burden_report_indicator_id"`);
    await queryRunner.query(`DROP TABLE "burden_report"`);
    await queryRunner.query(`DROP TYPE "public"."improvement_use"`);
    await queryRunner.query(`DROP TYPE "public"."period_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_indicator_in_force"`);
    await queryRunner.query(`DROP INDEX "public"."idx_indicator_name_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_indicator_payment_dependent"`);
    await queryRunner.query(`DROP INDEX "public"."idx_indicator_measure_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_indicator_instrument_id"`);
    await queryRunner.query(`DROP TABLE "indicator"`);
    await queryRunner.query(`DROP TYPE "public"."reporting_frequency"`);
    await queryRunner.query(`DROP TYPE "public"."aggregation_level"`);
    await queryRunner.query(`DROP TYPE "public"."measure_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_steering_instrument_target_organisation_id"`);
    await queryRunner.query(`DROP TABLE "steering_instrument_target"`);
    await queryRunner.query(`DROP INDEX "public"."idx_steering_instrument_valid"`);
    await queryRunner.query(`DROP INDEX "public"."idx_steering_instrument_name_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_steering_instrument_imposed_by_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_steering_instrument_governance_form"`);
    await queryRunner.query(`DROP INDEX "public"."idx_steering_instrument_kind"`);
    await queryRunner.query(`DROP TABLE "steering_instrument"`);
    await queryRunner.query(`DROP TYPE "public"."compensation_principle"`);
    await queryRunner.query(`DROP TYPE "public"."instrument_kind"`);
  }
}
