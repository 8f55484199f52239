import { MigrationInterface, QueryRunner } from 'typeorm';

export class Observations1795511226148 implements MigrationInterface {
  name = 'Observations1795511226148';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."observation_kind" AS ENUM('FIELD_VISIT', 'MEETING', 'INTERVIEW', 'WORKSHOP', 'DOCUMENT_STUDY', 'SURVEY_COMMENT', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."respondent_role" AS ENUM('POLITICIAN', 'PURCHASER', 'MANAGER', 'FIRST_LINE_MANAGER', 'FRONT_LINE_STAFF', 'NEEDS_ASSESSOR', 'UNION_REPRESENTATIVE', 'USER_CITIZEN')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."governance_phase" AS ENUM('PROACTIVE', 'DURING_IMPLEMENTATION', 'REACTIVE')`);
    await queryRunner.query(`CREATE TYPE "public"."trustworthiness" AS ENUM('ABILITY', 'INTEGRITY', 'BENEVOLENCE')`);
    await queryRunner.query(`CREATE TYPE "public"."coded_orientation" AS ENUM('CONTROLLING', 'ENABLING', 'MIXED')`);
    await queryRunner.query(`CREATE TYPE "public"."trust_effect" AS ENUM('STRENGTHENS', 'WEAKENS', 'NEUTRAL', 'UNCLEAR')`);
    await queryRunner.query(
      `CREATE TABLE "observation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "pilot_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "author_id" uuid NOT NULL, "occurred_on" date NOT NULL, "occurred_time" TIME, "kind" "public"."observation_kind" NOT NULL, "level" "public"."steering_level" NOT NULL, "respondent_role" "public"."respondent_role", "title" character varying(300) NOT NULL, "text" text NOT NULL, "tags" character varying array NOT NULL, "version" integer NOT NULL, "client_id" uuid, "request_hash" character varying(64), "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" uuid, "delete_reason" text, "forms" "public"."governance_form" array NOT NULL, "phase" "public"."governance_phase", "relations" "public"."trust_relation" array NOT NULL, "methods" "public"."trust_method" array NOT NULL, "trustworthiness" "public"."trustworthiness" array NOT NULL, "orientation" "public"."coded_orientation", "effect_on_trust" "public"."trust_effect", CONSTRAINT "uq_observation_author_client_id" UNIQUE ("author_id", "client_id"), CONSTRAINT "chk_observation_deleted" CHECK (("deleted_at" IS NULL) = ("delete_reason" IS NULL)), CONSTRAINT "chk_observation_version" CHECK ("version" >= 1), CONSTRAINT "chk_observation_text_length" CHECK (char_length("text") <= 100000), CONSTRAINT "PK_77a736edc631a400b788ce302cb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_observation_pilot_id" ON "observation"  ("pilot_id") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_organisation_id" ON "observation"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_author_id" ON "observation"  ("author_id") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_kind" ON "observation"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_deleted_at" ON "observation"  ("deleted_at") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_occurred_on_id" ON "observation"  ("occurred_on", "id") `);
    await queryRunner.query(
      `CREATE TABLE "coded_segment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "observation_id" uuid NOT NULL, "author_id" uuid NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "quote" text NOT NULL, "stale" boolean NOT NULL, "memo" text NOT NULL, "forms" "public"."governance_form" array NOT NULL, "phase" "public"."governance_phase", "relations" "public"."trust_relation" array NOT NULL, "methods" "public"."trust_method" array NOT NULL, "trustworthiness" "public"."trustworthiness" array NOT NULL, "orientation" "public"."coded_orientation", "effect_on_trust" "public"."trust_effect", CONSTRAINT "chk_coded_segment_range" CHECK ("start_offset" >= 0 AND "end_offset" > "start_offset"), CONSTRAINT "PK_571901580d44873476b77a0a14e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_coded_segment_observation_id" ON "coded_segment"  ("observation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_coded_segment_author_id" ON "coded_segment"  ("author_id") `);
    await queryRunner.query(
      `CREATE TABLE "observation_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "observation_id" uuid NOT NULL, "version" integer NOT NULL, "change" "public"."audit_action" NOT NULL, "changed_fields" character varying array NOT NULL, "changed_by" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "snapshot" jsonb NOT NULL, CONSTRAINT "uq_observation_version" UNIQUE ("observation_id", "version"), CONSTRAINT "PK_fa82589530286b0733bb75575e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_observation_version_observation_id" ON "observation_version"  ("observation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_version_changed_by" ON "observation_version"  ("changed_by") `);
    // Hand-written: Swedish full text on title + text, GIN on the code arrays and tags (entities
    // mark them synchronize: false). The search expression matches ObservationService.SEARCH_VECTOR.
    await queryRunner.query(`CREATE INDEX "idx_observation_search" ON "observation" USING gin (to_tsvector('swedish', ("title")::text || ' ' || "text"))`);
    await queryRunner.query(`CREATE INDEX "idx_observation_forms_gin" ON "observation" USING gin ("forms")`);
    await queryRunner.query(`CREATE INDEX "idx_observation_relations_gin" ON "observation" USING gin ("relations")`);
    await queryRunner.query(`CREATE INDEX "idx_observation_methods_gin" ON "observation" USING gin ("methods")`);
    await queryRunner.query(`CREATE INDEX "idx_observation_trustworthiness_gin" ON "observation" USING gin ("trustworthiness")`);
    await queryRunner.query(`CREATE INDEX "idx_observation_tags_gin" ON "observation" USING gin ("tags")`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'OBSERVATION'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'CODED_SEGMENT'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coded_segment" ADD CONSTRAINT "fk_coded_segment_observation" FOREIGN KEY ("observation_id") REFERENCES "observation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coded_segment" ADD CONSTRAINT "fk_coded_segment_author" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation_version" ADD CONSTRAINT "fk_observation_version_observation" FOREIGN KEY ("observation_id") REFERENCES "observation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['search', 'forms_gin', 'relations_gin', 'methods_gin', 'trustworthiness_gin', 'tags_gin']) {
      await queryRunner.query(`DROP INDEX "public"."idx_observation_${name}"`);
    }
    await queryRunner.query(`ALTER TABLE "observation_version" DROP CONSTRAINT "fk_observation_version_observation"`);
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP CONSTRAINT "fk_coded_segment_author"`);
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP CONSTRAINT "fk_coded_segment_observation"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_author"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_organisation"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_pilot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER')`);
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_version_changed_by"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_version_observation_id"`);
    await queryRunner.query(`DROP TABLE "observation_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coded_segment_author_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_coded_segment_observation_id"`);
    await queryRunner.query(`DROP TABLE "coded_segment"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_occurred_on_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_deleted_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_author_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_pilot_id"`);
    await queryRunner.query(`DROP TABLE "observation"`);
    await queryRunner.query(`DROP TYPE "public"."trust_effect"`);
    await queryRunner.query(`DROP TYPE "public"."coded_orientation"`);
    await queryRunner.query(`DROP TYPE "public"."trustworthiness"`);
    await queryRunner.query(`DROP TYPE "public"."governance_phase"`);
    await queryRunner.query(`DROP TYPE "public"."respondent_role"`);
    await queryRunner.query(`DROP TYPE "public"."observation_kind"`);
  }
}
