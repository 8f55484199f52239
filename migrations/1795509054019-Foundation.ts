import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795509054019 implements MigrationInterface {
  name = 'Foundation1795509054019';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: trigram search (ILIKE on names and titles) and exclusion constraints on
    // (uuid, enum, daterange) need these extensions.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('MUNICIPALITY', 'REGION', 'STATE_AGENCY', 'SUPERVISORY_AGENCY', 'INTEREST_ORGANISATION', 'PRIVATE_PROVIDER', 'NON_PROFIT_PROVIDER', 'RESEARCH_INSTITUTION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."county" AS ENUM('STOCKHOLM', 'UPPSALA', 'SODERMANLAND', 'OSTERGOTLAND', 'JONKOPING', 'KRONOBERG', 'KALMAR', 'GOTLAND', 'BLEKINGE', 'SKANE', 'HALLAND', 'VASTRA_GOTALAND', 'VARMLAND', 'OREBRO', 'VASTMANLAND', 'DALARNA', 'GAVLEBORG', 'VASTERNORRLAND', 'JAMTLAND', 'VASTERBOTTEN', 'NORRBOTTEN')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."operating_form" AS ENUM('OWN_MANAGEMENT', 'PRIVATE', 'NON_PROFIT')`);
    await queryRunner.query(`CREATE TYPE "public"."skr_municipality_group" AS ENUM('A1', 'A2', 'B3', 'B4', 'B5', 'C6', 'C7', 'C8', 'C9')`);
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "parent_id" uuid, "official_code" character varying(11), "county" "public"."county", "operating_form" "public"."operating_form", "population" integer, "skr_group" "public"."skr_municipality_group", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_organisation_kind_official_code" UNIQUE ("kind", "official_code"), CONSTRAINT "chk_organisation_name" CHECK (length(btrim("name")) > 0), CONSTRAINT "chk_organisation_population" CHECK ("population" IS NULL OR "population" >= 0), CONSTRAINT "chk_organisation_parent_not_self" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_organisation_kind" ON "organisation"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "idx_organisation_parent_id" ON "organisation"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "idx_organisation_county" ON "organisation"  ("county") `);
    await queryRunner.query(`CREATE INDEX "idx_organisation_name_id" ON "organisation"  ("name", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."pilot_sector" AS ENUM('HEALTH_CARE', 'SOCIAL_CARE', 'SCHOOL', 'SUPERVISION', 'OTHER')`);
    await queryRunner.query(
      `CREATE TYPE "public"."pilot_theme" AS ENUM('LEADERSHIP', 'SUPERVISION', 'FOLLOW_UP', 'INNOVATION', 'COOPERATION', 'COMPENSATION_MODELS')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."pilot_status" AS ENUM('PLANNED', 'ACTIVE', 'COMPLETED', 'DISCONTINUED')`);
    await queryRunner.query(`CREATE TYPE "public"."governance_form" AS ENUM('REGEL', 'PRESTATION', 'EKONOMI', 'NORM')`);
    await queryRunner.query(
      `CREATE TYPE "public"."trust_relation" AS ENUM('PRINCIPAL_AND_OPERATIONS', 'BETWEEN_DECISION_LEVELS', 'BETWEEN_RELATED_OPERATIONS', 'AUDITOR_AND_AUDITED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."trust_method" AS ENUM('LESS_DETAIL_STEERING', 'KNOWLEDGE_DEVELOPMENT_STRUCTURES', 'VALUES_WORK', 'PROFESSIONALS_IN_DECISIONS', 'STAFF_ANCHORED_FOLLOW_UP', 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS', 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "pilot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "title" character varying(300) NOT NULL, "description" text NOT NULL, "sectors" "public"."pilot_sector" array NOT NULL, "themes" "public"."pilot_theme" array NOT NULL, "status" "public"."pilot_status" NOT NULL, "announced_on" date, "starts_on" date, "ends_on" date, "target_forms" "public"."governance_form" array NOT NULL, "target_relations" "public"."trust_relation" array NOT NULL, "target_methods" "public"."trust_method" array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_pilot_code" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9-]*$'), CONSTRAINT "chk_pilot_dates" CHECK ("ends_on" IS NULL OR "starts_on" IS NULL OR "ends_on" >= "starts_on"), CONSTRAINT "PK_921e16d425d1f58dcec5fe90bba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_pilot_code" ON "pilot"  ("code") `);
    await queryRunner.query(`CREATE INDEX "idx_pilot_status" ON "pilot"  ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_pilot_starts_on" ON "pilot"  ("starts_on") `);
    await queryRunner.query(
      `CREATE TYPE "public"."steering_level" AS ENUM('STATE', 'POLITICAL_PRINCIPAL', 'COMMISSIONER', 'ADMINISTRATION_MANAGEMENT', 'UNIT_MANAGEMENT', 'FRONT_LINE')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."participant_role" AS ENUM('LEAD', 'PARTICIPANT', 'SUPERVISORY', 'SUPPORT')`);
    await queryRunner.query(
      `CREATE TABLE "pilot_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "level" "public"."steering_level" NOT NULL, "role" "public"."participant_role" NOT NULL, "from_date" date NOT NULL, "to_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_pilot_participant_dates" CHECK ("to_date" IS NULL OR "to_date" >= "from_date"), CONSTRAINT "ex_pilot_participant_overlap" EXCLUDE USING gist ("pilot_id" WITH =, "organisation_id" WITH =, "level" WITH =, daterange("from_date", "to_date", '[]') WITH &&), CONSTRAINT "PK_84618d44e0f9abe10ef13ff0d3f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_pilot_participant_pilot_id" ON "pilot_participant"  ("pilot_id") `);
    await queryRunner.query(`CREATE INDEX "idx_pilot_participant_organisation_id" ON "pilot_participant"  ("organisation_id") `);
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'RESEARCHER', 'ANALYST', 'ORG_REPORTER')`);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "display_name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "organisation_id" uuid, "password_hash" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_app_user_reporter_organisation" CHECK (("role" = 'ORG_REPORTER') = ("organisation_id" IS NOT NULL)), CONSTRAINT "chk_app_user_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user"  ("email") `);
    await queryRunner.query(`CREATE INDEX "idx_app_user_role" ON "app_user"  ("role") `);
    await queryRunner.query(`CREATE INDEX "idx_app_user_organisation_id" ON "app_user"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_app_user_active" ON "app_user"  ("active") `);
    await queryRunner.query(`CREATE INDEX "idx_app_user_display_name_id" ON "app_user"  ("display_name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "pilot_researcher" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "user_id" uuid NOT NULL, "from_date" date NOT NULL, "to_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_pilot_researcher_dates" CHECK ("to_date" IS NULL OR "to_date" >= "from_date"), CONSTRAINT "ex_pilot_researcher_overlap" EXCLUDE USING gist ("pilot_id" WITH =, "user_id" WITH =, daterange("from_date", "to_date", '[]') WITH &&), CONSTRAINT "PK_8a07508295ae2055c38c8b3dde3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_pilot_researcher_pilot_id" ON "pilot_researcher"  ("pilot_id") `);
    await queryRunner.query(`CREATE INDEX "idx_pilot_researcher_user_id" ON "pilot_researcher"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "fk_organisation_parent" FOREIGN KEY ("parent_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pilot_participant" ADD CONSTRAINT "fk_pilot_participant_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pilot_participant" ADD CONSTRAINT "fk_pilot_participant_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pilot_researcher" ADD CONSTRAINT "fk_pilot_researcher_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pilot_researcher" ADD CONSTRAINT "fk_pilot_researcher_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written: GIN indexes TypeORM cannot declare (entities mark them synchronize: false).
    await queryRunner.query(`CREATE INDEX "idx_organisation_name_trgm" ON "organisation" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_pilot_sectors_gin" ON "pilot" USING gin ("sectors")`);
    await queryRunner.query(`CREATE INDEX "idx_pilot_themes_gin" ON "pilot" USING gin ("themes")`);
    await queryRunner.query(
      `CREATE INDEX "idx_pilot_search_trgm" ON "pilot" USING gin ((("code")::text || ' ' || ("title")::text || ' ' || "description") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_app_user_search_trgm" ON "app_user" USING gin ((("display_name")::text || ' ' || ("email")::text) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_themes_gin"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_sectors_gin"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_name_trgm"`);
    await queryRunner.query(`ALTER TABLE "pilot_researcher" DROP CONSTRAINT "fk_pilot_researcher_user"`);
    await queryRunner.query(`ALTER TABLE "pilot_researcher" DROP CONSTRAINT "fk_pilot_researcher_pilot"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_organisation"`);
    await queryRunner.query(`ALTER TABLE "pilot_participant" DROP CONSTRAINT "fk_pilot_participant_organisation"`);
    await queryRunner.query(`ALTER TABLE "pilot_participant" DROP CONSTRAINT "fk_pilot_participant_pilot"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "fk_organisation_parent"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_researcher_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_researcher_pilot_id"`);
    await queryRunner.query(`DROP TABLE "pilot_researcher"`);
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_display_name_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_active"`);
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_app_user_role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_email"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_participant_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_participant_pilot_id"`);
    await queryRunner.query(`DROP TABLE "pilot_participant"`);
    await queryRunner.query(`DROP TYPE "public"."participant_role"`);
    await queryRunner.query(`DROP TYPE "public"."steering_level"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_starts_on"`);
    await queryRunner.query(`DROP INDEX "public"."idx_pilot_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_pilot_code"`);
    await queryRunner.query(`DROP TABLE "pilot"`);
    await queryRunner.query(`DROP TYPE "public"."trust_method"`);
    await queryRunner.query(`DROP TYPE "public"."trust_relation"`);
    await queryRunner.query(`DROP TYPE "public"."governance_form"`);
    await queryRunner.query(`DROP TYPE "public"."pilot_status"`);
    await queryRunner.query(`DROP TYPE "public"."pilot_theme"`);
    await queryRunner.query(`DROP TYPE "public"."pilot_sector"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_name_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_county"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_kind"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TYPE "public"."skr_municipality_group"`);
    await queryRunner.query(`DROP TYPE "public"."operating_form"`);
    await queryRunner.query(`DROP TYPE "public"."county"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
  }
}
