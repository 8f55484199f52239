import { MigrationInterface, QueryRunner } from 'typeorm';

export class ObservationPilotNewest1796299203122 implements MigrationInterface {
  name = 'ObservationPilotNewest1796299203122';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_observation_pilot_newest" ON "observation"  ("pilot_id", "occurred_on", "id") WHERE "deleted_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_observation_pilot_newest"`);
  }
}
