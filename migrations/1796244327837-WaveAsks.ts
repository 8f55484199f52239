import { MigrationInterface, QueryRunner } from 'typeorm';

export class WaveAsks1796244327837 implements MigrationInterface {
  name = 'WaveAsks1796244327837';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_wave" ADD "respondent_categories" "public"."respondent_category" array`);
    await queryRunner.query(`ALTER TABLE "survey_wave" ADD "asks_tenure_band" boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_wave" DROP COLUMN "asks_tenure_band"`);
    await queryRunner.query(`ALTER TABLE "survey_wave" DROP COLUMN "respondent_categories"`);
  }
}
