import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportsAndEvidence1796251016951 implements MigrationInterface {
  name = 'ReportsAndEvidence1796251016951';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."report_status" AS ENUM('DRAFT', 'IN_REVIEW', 'FINAL', 'SUPERSEDED')`);
    await queryRunner.query(
      `CREATE TABLE "evaluation_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "pilot_id" uuid NOT NULL, "number" integer NOT NULL, "title" character varying(300) NOT NULL, "status" "public"."report_status" NOT NULL, "based_on_id" uuid, "finalised_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "uq_evaluation_report_number" UNIQUE ("pilot_id", "number"), CONSTRAINT "PK_0a99319233ecea545abcf2fe8b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_evaluation_report_status" ON "evaluation_report"  ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_report_final" ON "evaluation_report"  ("pilot_id") WHERE "status" = 'FINAL'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_report_open" ON "evaluation_report"  ("pilot_id") WHERE "status" IN ('DRAFT', 'IN_REVIEW')`);
    await queryRunner.query(
      `CREATE TABLE "evaluation_report_author" ("report_id" uuid NOT NULL, "user_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc7d045c673e005bc6eb9654ea3" PRIMARY KEY ("report_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."report_section_kind" AS ENUM('BACKGROUND_METHOD', 'RECOMMENDATIONS', 'GOOD_EXAMPLES', 'OBSTACLES', 'EFFECTS', 'CONCLUSIONS')`,
    );
    await queryRunner.query(
      `CREATE TABLE "evaluation_report_section" ("report_id" uuid NOT NULL, "kind" "public"."report_section_kind" NOT NULL, "body" text NOT NULL DEFAULT '', CONSTRAINT "PK_664feb600d839d7a8be14cb6a6d" PRIMARY KEY ("report_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "evaluation_report_finding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "report_id" uuid NOT NULL, "section" "public"."report_section_kind" NOT NULL, "position" integer NOT NULL, "statement" character varying(1000) NOT NULL, "body" text NOT NULL DEFAULT '', "idea_id" uuid, "obstacle_id" uuid, "effect_id" uuid, "copied_from_id" uuid, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "withdraw_reason" text, CONSTRAINT "chk_evaluation_report_finding_withdrawn" CHECK (("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL)), CONSTRAINT "PK_8478f463b4c82bd5cddc6cab1ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_evaluation_report_finding_idea" ON "evaluation_report_finding"  ("idea_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evaluation_report_finding_obstacle" ON "evaluation_report_finding"  ("obstacle_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evaluation_report_finding_effect" ON "evaluation_report_finding"  ("effect_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evaluation_report_finding_report" ON "evaluation_report_finding"  ("report_id", "section", "position") `);
    await queryRunner.query(
      `CREATE TYPE "public"."evidence_kind" AS ENUM('OBSERVATION', 'SEGMENT', 'BURDEN_SERIES', 'DISCRETION_RESULTS', 'TIME_THIEF', 'SUPERVISION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."evidence_kind" NOT NULL, "obstacle_id" uuid, "effect_id" uuid, "idea_id" uuid, "report_finding_id" uuid, "observation_id" uuid, "segment_id" uuid, "time_thief_id" uuid, "supervision_id" uuid, "wave_id" uuid, "indicator_id" uuid, "organisation_id" uuid, "note" text NOT NULL DEFAULT '', "created_by" uuid NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "withdraw_reason" text, CONSTRAINT "chk_evidence_link_one_target" CHECK (num_nonnulls("observation_id", "segment_id", "time_thief_id", "supervision_id", "wave_id") <= 1), CONSTRAINT "chk_evidence_link_one_finding" CHECK (num_nonnulls("obstacle_id", "effect_id", "idea_id", "report_finding_id") = 1), CONSTRAINT "chk_evidence_link_withdrawn" CHECK (("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL)), CONSTRAINT "PK_2ba79badd83902cc99f713f1d33" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_obstacle" ON "evidence_link"  ("obstacle_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_effect" ON "evidence_link"  ("effect_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_idea" ON "evidence_link"  ("idea_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_report_finding" ON "evidence_link"  ("report_finding_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_observation" ON "evidence_link"  ("observation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_segment" ON "evidence_link"  ("segment_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_time_thief" ON "evidence_link"  ("time_thief_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_supervision" ON "evidence_link"  ("supervision_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_wave" ON "evidence_link"  ("wave_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_indicator" ON "evidence_link"  ("indicator_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_link_organisation" ON "evidence_link"  ("organisation_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'EVALUATION_REPORT'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'EVIDENCE_LINK'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "evaluation_report" ADD CONSTRAINT "fk_evaluation_report_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report" ADD CONSTRAINT "fk_evaluation_report_based_on" FOREIGN KEY ("based_on_id") REFERENCES "evaluation_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report_author" ADD CONSTRAINT "fk_evaluation_report_author_report" FOREIGN KEY ("report_id") REFERENCES "evaluation_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report_author" ADD CONSTRAINT "fk_evaluation_report_author_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report_section" ADD CONSTRAINT "fk_evaluation_report_section_report" FOREIGN KEY ("report_id") REFERENCES "evaluation_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report_finding" ADD CONSTRAINT "fk_evaluation_report_finding_report" FOREIGN KEY ("report_id") REFERENCES "evaluation_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report_finding" ADD CONSTRAINT "fk_evaluation_report_finding_idea" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report_finding" ADD CONSTRAINT "fk_evaluation_report_finding_obstacle" FOREIGN KEY ("obstacle_id") REFERENCES "obstacle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_report_finding" ADD CONSTRAINT "fk_evaluation_report_finding_effect" FOREIGN KEY ("effect_id") REFERENCES "effect"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_obstacle" FOREIGN KEY ("obstacle_id") REFERENCES "obstacle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_effect" FOREIGN KEY ("effect_id") REFERENCES "effect"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_idea" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_report_finding" FOREIGN KEY ("report_finding_id") REFERENCES "evaluation_report_finding"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_observation" FOREIGN KEY ("observation_id") REFERENCES "observation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_segment" FOREIGN KEY ("segment_id") REFERENCES "coded_segment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_time_thief" FOREIGN KEY ("time_thief_id") REFERENCES "time_thief"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_supervision" FOREIGN KEY ("supervision_id") REFERENCES "supervision_interaction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_wave" FOREIGN KEY ("wave_id") REFERENCES "survey_wave"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_organisation"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_indicator"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_wave"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_supervision"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_time_thief"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_segment"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_observation"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_report_finding"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_idea"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_effect"`);
    await queryRunner.query(`ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_obstacle"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report_finding" DROP CONSTRAINT "fk_evaluation_report_finding_effect"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report_finding" DROP CONSTRAINT "fk_evaluation_report_finding_obstacle"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report_finding" DROP CONSTRAINT "fk_evaluation_report_finding_idea"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report_finding" DROP CONSTRAINT "fk_evaluation_report_finding_report"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report_section" DROP CONSTRAINT "fk_evaluation_report_section_report"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report_author" DROP CONSTRAINT "fk_evaluation_report_author_user"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report_author" DROP CONSTRAINT "fk_evaluation_report_author_report"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report" DROP CONSTRAINT "fk_evaluation_report_based_on"`);
    await queryRunner.query(`ALTER TABLE "evaluation_report" DROP CONSTRAINT "fk_evaluation_report_pilot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF', 'SURVEY_INSTRUMENT', 'SURVEY_WAVE', 'SURVEY_BATCH', 'STAFF_SIZE', 'SURVEY_LINK', 'OBSTACLE', 'EFFECT', 'IDEA', 'SUPERVISION')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_indicator"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_wave"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_supervision"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_time_thief"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_segment"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_observation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_report_finding"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_idea"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_effect"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_obstacle"`);
    await queryRunner.query(`DROP TABLE "evidence_link"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_kind"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evaluation_report_finding_report"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evaluation_report_finding_effect"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evaluation_report_finding_obstacle"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evaluation_report_finding_idea"`);
    await queryRunner.query(`DROP TABLE "evaluation_report_finding"`);
    await queryRunner.query(`DROP TABLE "evaluation_report_section"`);
    await queryRunner.query(`DROP TYPE "public"."report_section_kind"`);
    await queryRunner.query(`DROP TABLE "evaluation_report_author"`);
    await queryRunner.query(`DROP INDEX "public"."uq_evaluation_report_open"`);
    await queryRunner.query(`DROP INDEX "public"."uq_evaluation_report_final"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evaluation_report_status"`);
    await queryRunner.query(`DROP TABLE "evaluation_report"`);
    await queryRunner.query(`DROP TYPE "public"."report_status"`);
  }
}
