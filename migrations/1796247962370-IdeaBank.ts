import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdeaBank1796247962370 implements MigrationInterface {
  name = 'IdeaBank1796247962370';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."idea_status" AS ENUM('DRAFT', 'PUBLISHED')`);
    await queryRunner.query(
      `CREATE TABLE "idea" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" character varying(300) NOT NULL, "problem" text NOT NULL, "what_was_done" text NOT NULL, "steps" text NOT NULL DEFAULT '', "preconditions" text NOT NULL DEFAULT '', "cost" text NOT NULL DEFAULT '', "pitfalls" text NOT NULL DEFAULT '', "themes" "public"."pilot_theme" array NOT NULL DEFAULT '{}', "sectors" "public"."pilot_sector" array NOT NULL DEFAULT '{}', "methods" "public"."trust_method" array NOT NULL DEFAULT '{}', "forms" "public"."governance_form" array NOT NULL DEFAULT '{}', "relations" "public"."trust_relation" array NOT NULL DEFAULT '{}', "pilot_id" uuid NOT NULL, "status" "public"."idea_status" NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "recorded_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5096f543c484b349f5234da9d97" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_idea_pilot_id" ON "idea"  ("pilot_id") `);
    await queryRunner.query(`CREATE INDEX "idx_idea_status" ON "idea"  ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_idea_title_id" ON "idea"  ("title", "id") `);
    await queryRunner.query(
      `CREATE TABLE "idea_organisation" ("idea_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_aedf0b0cf41044419e5592151bb" PRIMARY KEY ("idea_id", "organisation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_idea_organisation_organisation_id" ON "idea_organisation"  ("organisation_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'IDEA'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "idea" ADD CONSTRAINT "fk_idea_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_organisation" ADD CONSTRAINT "fk_idea_organisation_idea" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_organisation" ADD CONSTRAINT "fk_idea_organisation_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // By hand: Swedish full-text search over the idea (IdeaService's SEARCH_VECTOR).
    await queryRunner.query(
      `CREATE INDEX "idx_idea_search" ON "idea" USING gin (to_tsvector('swedish', ("title")::text || ' ' || "problem" || ' ' || "what_was_done" || ' ' || "steps"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_idea_search"`);
    await queryRunner.query(`ALTER TABLE "idea_organisation" DROP CONSTRAINT "fk_idea_organisation_organisation"`);
    await queryRunner.query(`ALTER TABLE "idea_organisation" DROP CONSTRAINT "fk_idea_organisation_idea"`);
    await queryRunner.query(`ALTER TABLE "idea" DROP CONSTRAINT "fk_idea_pilot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH', 'STAFF_SIZE', 'SURVEY_LINK', 'OBSTACLE', 'EFFECT')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_idea_organisation_organisation_id"`);
    await queryRunner.query(`DROP TABLE "idea_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_idea_title_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_idea_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_idea_pilot_id"`);
    await queryRunner.query(`DROP TABLE "idea"`);
    await queryRunner.query(`DROP TYPE "public"."idea_status"`);
  }
}
