import { MigrationInterface, QueryRunner } from 'typeorm';

export class ObservationVersionReasons1796229318904 implements MigrationInterface {
  name = 'ObservationVersionReasons1796229318904';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "observation_version" ADD "reason" text`);
    // By hand: a deletion's reason was in its snapshot only.
    await queryRunner.query(`UPDATE "observation_version" SET "reason" = "snapshot"->>'deleteReason' WHERE "change" = 'DELETE'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "observation_version" DROP COLUMN "reason"`);
  }
}
