import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every survey response gets its record key for the cell-key method (docs/analysis.md,
 * "Disclosure control"). New responses get theirs from the API (Node's CSPRNG); responses stored
 * before get one here from gen_random_uuid(), whose first 32 bits are random (PostgreSQL's
 * strong random source), masked to 31 bits.
 */
export class SurveyRecordKeys1796223803905 implements MigrationInterface {
  name = 'SurveyRecordKeys1796223803905';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_response" ADD "record_key" integer`);
    await queryRunner.query(`UPDATE "survey_response"
            SET "record_key" = (('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 8))::bit(32)::int) & 2147483647`);
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "record_key" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_response" DROP COLUMN "record_key"`);
  }
}
