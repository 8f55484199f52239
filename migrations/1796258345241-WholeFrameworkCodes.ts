import { MigrationInterface, QueryRunner } from 'typeorm';

export class WholeFrameworkCodes1796258345241 implements MigrationInterface {
  name = 'WholeFrameworkCodes1796258345241';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."trust_definition_part" AS ENUM('PURPOSE_AND_USER_NEEDS', 'COLLABORATION_AND_WHOLE_VIEW', 'TRUSTFUL_RELATIONS', 'ABILITY_INTEGRITY_BENEVOLENCE')`,
    );
    await queryRunner.query(`ALTER TABLE "observation" ADD "definition_parts" "public"."trust_definition_part" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE TYPE "public"."control_system" AS ENUM('DIAGNOSTIC', 'BOUNDARY', 'BELIEFS', 'INTERACTIVE')`);
    await queryRunner.query(`ALTER TABLE "observation" ADD "control_systems" "public"."control_system" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "observation" ADD "effect_variables" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `CREATE TYPE "public"."contextual_condition" AS ENUM('SOCIETAL_ATTITUDES', 'NATIONAL_AGENCY_STRUCTURE', 'SURROUNDING_ORGANISATIONS_PRACTICES', 'INTEREST_ORGANISATIONS')`,
    );
    await queryRunner.query(`ALTER TABLE "observation" ADD "contextual_conditions" "public"."contextual_condition" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "coded_segment" ADD "definition_parts" "public"."trust_definition_part" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "coded_segment" ADD "control_systems" "public"."control_system" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "coded_segment" ADD "effect_variables" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "coded_segment" ADD "contextual_conditions" "public"."contextual_condition" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX "idx_observation_level" ON "observation"  ("level") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_respondent_role" ON "observation"  ("respondent_role") `);
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "chk_observation_effect_variables" CHECK ("effect_variables" <@ ARRAY['COMPLIANCE_WITH_INTENTIONS:STRENGTHENS', 'COMPLIANCE_WITH_INTENTIONS:WEAKENS', 'COMPLIANCE_WITH_INTENTIONS:MIXED', 'COST_CONTROL:STRENGTHENS', 'COST_CONTROL:WEAKENS', 'COST_CONTROL:MIXED', 'INCENTIVES_PRODUCTION_QUALITY:STRENGTHENS', 'INCENTIVES_PRODUCTION_QUALITY:WEAKENS', 'INCENTIVES_PRODUCTION_QUALITY:MIXED', 'STAFF_DISCRETION:STRENGTHENS', 'STAFF_DISCRETION:WEAKENS', 'STAFF_DISCRETION:MIXED', 'ADMINISTRATIVE_BURDEN:STRENGTHENS', 'ADMINISTRATIVE_BURDEN:WEAKENS', 'ADMINISTRATIVE_BURDEN:MIXED', 'INNOVATION_DEVELOPMENT:STRENGTHENS', 'INNOVATION_DEVELOPMENT:WEAKENS', 'INNOVATION_DEVELOPMENT:MIXED', 'COLLABORATION:STRENGTHENS', 'COLLABORATION:WEAKENS', 'COLLABORATION:MIXED']::text[])`,
    );
    await queryRunner.query(
      `ALTER TABLE "coded_segment" ADD CONSTRAINT "chk_coded_segment_effect_variables" CHECK ("effect_variables" <@ ARRAY['COMPLIANCE_WITH_INTENTIONS:STRENGTHENS', 'COMPLIANCE_WITH_INTENTIONS:WEAKENS', 'COMPLIANCE_WITH_INTENTIONS:MIXED', 'COST_CONTROL:STRENGTHENS', 'COST_CONTROL:WEAKENS', 'COST_CONTROL:MIXED', 'INCENTIVES_PRODUCTION_QUALITY:STRENGTHENS', 'INCENTIVES_PRODUCTION_QUALITY:WEAKENS', 'INCENTIVES_PRODUCTION_QUALITY:MIXED', 'STAFF_DISCRETION:STRENGTHENS', 'STAFF_DISCRETION:WEAKENS', 'STAFF_DISCRETION:MIXED', 'ADMINISTRATIVE_BURDEN:STRENGTHENS', 'ADMINISTRATIVE_BURDEN:WEAKENS', 'ADMINISTRATIVE_BURDEN:MIXED', 'INNOVATION_DEVELOPMENT:STRENGTHENS', 'INNOVATION_DEVELOPMENT:WEAKENS', 'INNOVATION_DEVELOPMENT:MIXED', 'COLLABORATION:STRENGTHENS', 'COLLABORATION:WEAKENS', 'COLLABORATION:MIXED']::text[])`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP CONSTRAINT "chk_coded_segment_effect_variables"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "chk_observation_effect_variables"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_respondent_role"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_level"`);
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP COLUMN "contextual_conditions"`);
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP COLUMN "effect_variables"`);
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP COLUMN "control_systems"`);
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP COLUMN "definition_parts"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "contextual_conditions"`);
    await queryRunner.query(`DROP TYPE "public"."contextual_condition"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "effect_variables"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "control_systems"`);
    await queryRunner.query(`DROP TYPE "public"."control_system"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP COLUMN "definition_parts"`);
    await queryRunner.query(`DROP TYPE "public"."trust_definition_part"`);
  }
}
