import { MigrationInterface, QueryRunner } from 'typeorm';

export class Surveys1795512038403 implements MigrationInterface {
  name = 'Surveys1795512038403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey_instrument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "version" integer NOT NULL, "description" text NOT NULL, "created_by" uuid, CONSTRAINT "uq_survey_instrument_name_version" UNIQUE ("name", "version"), CONSTRAINT "PK_ec5b3245bb3de79b1b800a4e77e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."survey_dimension" AS ENUM('DECISION_AUTHORITY', 'SKILL_DISCRETION', 'TIME_FOR_CORE_WORK', 'INFLUENCE_ON_FOLLOW_UP', 'ADMINISTRATIVE_BURDEN', 'TRUST_PRINCIPAL_AND_OPERATIONS', 'TRUST_BETWEEN_DECISION_LEVELS', 'TRUST_BETWEEN_RELATED_OPERATIONS', 'TRUST_AUDITOR_AND_AUDITED', 'PRINCIPAL_ABILITY', 'PRINCIPAL_INTEGRITY', 'PRINCIPAL_BENEVOLENCE')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."scale_kind" AS ENUM('LIKERT_5', 'NUMBER')`);
    await queryRunner.query(
      `CREATE TABLE "survey_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "instrument_id" uuid NOT NULL, "position" integer NOT NULL, "code" character varying(20) NOT NULL, "text_sv" text NOT NULL, "text_en" text NOT NULL, "dimension" "public"."survey_dimension" NOT NULL, "scale" "public"."scale_kind" NOT NULL, "labels_sv" character varying array NOT NULL, "labels_en" character varying array NOT NULL, "min" numeric, "max" numeric, "reverse_scored" boolean NOT NULL, CONSTRAINT "uq_survey_item_code" UNIQUE ("instrument_id", "code"), CONSTRAINT "uq_survey_item_position" UNIQUE ("instrument_id", "position"), CONSTRAINT "chk_survey_item_scale" CHECK (("scale" = 'LIKERT_5' AND cardinality("labels_sv") = 5 AND cardinality("labels_en") = 5) OR ("scale" = 'NUMBER' AND "min" IS NOT NULL AND "max" > "min")), CONSTRAINT "PK_86a512e52bc614de2f349773b60" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_item_instrument_id" ON "survey_item"  ("instrument_id") `);
    await queryRunner.query(
      `CREATE TABLE "survey_wave" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "pilot_id" uuid NOT NULL, "instrument_id" uuid NOT NULL, "label" character varying(100) NOT NULL, "opens_on" date NOT NULL, "closes_on" date NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, CONSTRAINT "chk_survey_wave_dates" CHECK ("closes_on" >= "opens_on"), CONSTRAINT "PK_a4d19f641a6194a35546aba1f35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_wave_pilot_id" ON "survey_wave"  ("pilot_id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_wave_instrument_id" ON "survey_wave"  ("instrument_id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_wave_opens_on_id" ON "survey_wave"  ("opens_on", "id") `);
    await queryRunner.query(
      `CREATE TABLE "survey_wave_unit" ("wave_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_4a404f88dea628b1872bce4a75f" PRIMARY KEY ("wave_id", "organisation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_wave_unit_organisation_id" ON "survey_wave_unit"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."respondent_category" AS ENUM('FRONT_LINE_STAFF', 'FIRST_LINE_MANAGER', 'MIDDLE_MANAGER', 'SENIOR_MANAGER', 'POLITICIAN')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."tenure_band" AS ENUM('UNDER_1_YEAR', 'YEARS_1_TO_3', 'YEARS_3_TO_10', 'OVER_10_YEARS')`);
    await queryRunner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "wave_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "category" "public"."respondent_category" NOT NULL, "tenure_band" "public"."tenure_band", "panel_hash" character varying(64), "client_id" uuid, "answers" real array NOT NULL, "submitted_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_survey_response_client_id" UNIQUE ("wave_id", "client_id"), CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_response_wave_id" ON "survey_response"  ("wave_id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_response_unit_id" ON "survey_response"  ("unit_id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_response_panel_hash" ON "survey_response"  ("panel_hash") `);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'SURVEY_INSTRUMENT'`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity" ADD VALUE 'SURVEY_WAVE'`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log"  ("entity", "entity_id") `);
    await queryRunner.query(
      `ALTER TABLE "survey_item" ADD CONSTRAINT "fk_survey_item_instrument" FOREIGN KEY ("instrument_id") REFERENCES "survey_instrument"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_wave" ADD CONSTRAINT "fk_survey_wave_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_wave" ADD CONSTRAINT "fk_survey_wave_instrument" FOREIGN KEY ("instrument_id") REFERENCES "survey_instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_wave_unit" ADD CONSTRAINT "fk_survey_wave_unit_wave" FOREIGN KEY ("wave_id") REFERENCES "survey_wave"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_wave_unit" ADD CONSTRAINT "fk_survey_wave_unit_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_wave" FOREIGN KEY ("wave_id") REFERENCES "survey_wave"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_unit" FOREIGN KEY ("unit_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written: the default instrument, our own wording (docs/analysis.md, "Scoring"),
    // not copied from any licensed questionnaire. Its id is DEFAULT_SURVEY_INSTRUMENT_ID.
    await queryRunner.query(
      `INSERT INTO "survey_instrument" ("id", "name", "version", "description", "created_by") VALUES ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 'Tillit Tracker: handlingsutrymme och tillit', 1, 'Standardinstrument: handlingsutrymme, tid för kärnuppdraget, administrativ börda, inflytande över uppföljning, tillit i de fyra relationerna och ledningens förmåga, integritet och välvilja (SOU 2017:56 §2.2). Egen formulering.', NULL)`,
    );
    await queryRunner.query(`INSERT INTO "survey_item" ("instrument_id", "position", "code", "text_sv", "text_en", "dimension", "scale", "labels_sv", "labels_en", "min", "max", "reverse_scored") VALUES
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 1, 'D1', 'Jag kan själv bestämma hur jag lägger upp arbetet med dem jag möter.', 'I can decide myself how to organise my work with the people I serve.', 'DECISION_AUTHORITY', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 2, 'D2', 'Jag måste följa detaljerade instruktioner även när de inte passar situationen.', 'I must follow detailed instructions even when they do not fit the situation.', 'DECISION_AUTHORITY', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, true),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 3, 'S1', 'Jag kan använda min yrkeskunskap fullt ut i arbetet.', 'I can make full use of my professional knowledge in my work.', 'SKILL_DISCRETION', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 4, 'S2', 'Det finns tid och forum för att diskutera svåra fall med kollegor.', 'There is time and a forum to discuss difficult cases with colleagues.', 'SKILL_DISCRETION', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 5, 'T1', 'Ungefär hur stor del av din arbetstid (procent) går till arbete direkt med dem du är till för?', 'Roughly what share of your working time (percent) goes to work directly with the people you serve?', 'TIME_FOR_CORE_WORK', 'NUMBER', ARRAY[]::varchar[], ARRAY[]::varchar[], 0, 100, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 6, 'A1', 'Ungefär hur stor del av din arbetstid (procent) går till dokumentation, registrering och rapportering?', 'Roughly what share of your working time (percent) goes to documentation, registration and reporting?', 'ADMINISTRATIVE_BURDEN', 'NUMBER', ARRAY[]::varchar[], ARRAY[]::varchar[], 0, 100, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 7, 'A2', 'Mycket av det jag dokumenterar eller rapporterar används aldrig.', 'Much of what I document or report is never used.', 'ADMINISTRATIVE_BURDEN', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 8, 'F1', 'Vi medarbetare har varit med och bestämt hur vårt arbete följs upp.', 'We staff have taken part in deciding how our work is followed up.', 'INFLUENCE_ON_FOLLOW_UP', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 9, 'F2', 'Uppföljningen av vårt arbete hjälper oss att bli bättre.', 'The follow-up of our work helps us improve.', 'INFLUENCE_ON_FOLLOW_UP', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 10, 'R1', 'De förtroendevalda litar på att vi i verksamheten gör ett bra arbete.', 'The elected politicians trust us in the operation to do good work.', 'TRUST_PRINCIPAL_AND_OPERATIONS', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 11, 'R2', 'Min närmaste chef litar på mitt omdöme.', 'My immediate manager trusts my judgement.', 'TRUST_BETWEEN_DECISION_LEVELS', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 12, 'R3', 'Samarbetet med andra verksamheter som möter samma personer fungerar bra.', 'Cooperation with other operations serving the same people works well.', 'TRUST_BETWEEN_RELATED_OPERATIONS', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 13, 'R4', 'Tillsyn och granskning av vår verksamhet upplevs som ett stöd.', 'Supervision and audit of our operation feel like support.', 'TRUST_AUDITOR_AND_AUDITED', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 14, 'P1', 'Ledningen känner till förutsättningarna i vårt arbete.', 'Management knows the conditions of our work.', 'PRINCIPAL_ABILITY', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 15, 'P2', 'Ledningen gör det den säger att den ska göra.', 'Management does what it says it will do.', 'PRINCIPAL_INTEGRITY', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false),
            ('5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001', 16, 'P3', 'Ledningen vill oss väl, även när den inte själv vinner något på det.', 'Management wishes us well, even when it gains nothing from it.', 'PRINCIPAL_BENEVOLENCE', 'LIKERT_5', ARRAY['Instämmer inte alls','Instämmer knappast','Instämmer delvis','Instämmer till stor del','Instämmer helt']::varchar[], ARRAY['Strongly disagree','Mostly disagree','Partly agree','Mostly agree','Strongly agree']::varchar[], NULL, NULL, false)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_unit"`);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_wave"`);
    await queryRunner.query(`ALTER TABLE "survey_wave_unit" DROP CONSTRAINT "fk_survey_wave_unit_organisation"`);
    await queryRunner.query(`ALTER TABLE "survey_wave_unit" DROP CONSTRAINT "fk_survey_wave_unit_wave"`);
    await queryRunner.query(`ALTER TABLE "survey_wave" DROP CONSTRAINT "fk_survey_wave_instrument"`);
    await queryRunner.query(`ALTER TABLE "survey_wave" DROP CONSTRAINT "fk_survey_wave_pilot"`);
    await queryRunner.query(`ALTER TABLE "survey_item" DROP CONSTRAINT "fk_survey_item_instrument"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity_entity_id"`);
    await queryRunner.query(
      `CREATE TYPE "public"."audit_entity_old" AS ENUM('USER', 'ORGANISATION', 'PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER', 'OBSERVATION', 'CODED_SEGMENT', 'STEERING_INSTRUMENT', 'INDICATOR', 'BURDEN_REPORT', 'TIME_THIEF')`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "entity" TYPE "public"."audit_entity_old" USING "entity"::"text"::"public"."audit_entity_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_entity"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_entity_old" RENAME TO "audit_entity"`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_entity_entity_id" ON "audit_log" USING btree ("entity", "entity_id") `);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_response_panel_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_response_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_response_wave_id"`);
    await queryRunner.query(`DROP TABLE "survey_response"`);
    await queryRunner.query(`DROP TYPE "public"."tenure_band"`);
    await queryRunner.query(`DROP TYPE "public"."respondent_category"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_wave_unit_organisation_id"`);
    await queryRunner.query(`DROP TABLE "survey_wave_unit"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_wave_opens_on_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_wave_instrument_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_wave_pilot_id"`);
    await queryRunner.query(`DROP TABLE "survey_wave"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_item_instrument_id"`);
    await queryRunner.query(`DROP TABLE "survey_item"`);
    await queryRunner.query(`DROP TYPE "public"."scale_kind"`);
    await queryRunner.query(`DROP TYPE "public"."survey_dimension"`);
    await queryRunner.query(`DROP TABLE "survey_instrument"`);
  }
}
