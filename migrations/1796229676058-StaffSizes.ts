import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSizes1796229676058 implements MigrationInterface {
  name = 'StaffSizes1796229676058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_size" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "fte" numeric(10,2) NOT NULL, "headcount" integer, "reported_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "chk_staff_size_counts" CHECK ("fte" > 0 AND ("headcount" IS NULL OR "headcount" > 0)), CONSTRAINT "chk_staff_size_period" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "ex_staff_size_overlap" EXCLUDE USING gist ("organisation_id" WITH =, daterange("valid_from", "valid_to", '[]') WITH &&), CONSTRAINT "PK_abe20a2d10946603c9ac7706010" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_staff_size_organisation_id" ON "staff_size"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_staff_size_valid_from_id" ON "staff_size"  ("valid_from", "id") `);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'STAFF_SIZE'`);
    await queryRunner.query(
      `ALTER TABLE "staff_size" ADD CONSTRAINT "fk_staff_size_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_size" DROP CONSTRAINT "fk_staff_size_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_staff_size_valid_from_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_staff_size_organisation_id"`);
    await queryRunner.query(`DROP TABLE "staff_size"`);
  }
}
