import { MigrationInterface, QueryRunner } from 'typeorm';

export class ObservationLevelRoleIndexes1796256737309 implements MigrationInterface {
  name = 'ObservationLevelRoleIndexes1796256737309';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_observation_level" ON "observation"  ("level") `);
    await queryRunner.query(`CREATE INDEX "idx_observation_respondent_role" ON "observation"  ("respondent_role") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_observation_respondent_role"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_level"`);
  }
}
