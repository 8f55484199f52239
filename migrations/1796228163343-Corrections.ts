import { MigrationInterface, QueryRunner } from 'typeorm';

export class Corrections1796228163343 implements MigrationInterface {
  name = 'Corrections1796228163343';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "client_request" ("actor_id" uuid NOT NULL, "operation" character varying(60) NOT NULL, "client_id" uuid NOT NULL, "request_hash" character(64) NOT NULL, "entity_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2604bffd46ccb33c2eee58b381e" PRIMARY KEY ("actor_id", "operation", "client_id"))`,
    );
    // By hand: a client's request keys are appended, never rewritten (LeastPrivilege).
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "client_request" FROM tillit_runtime`);
    await queryRunner.query(`ALTER TABLE "steering_instrument" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "indicator" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "time_thief" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "time_thief" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "time_thief" ADD "withdrawn_by" uuid`);
    await queryRunner.query(`ALTER TABLE "time_thief" ADD "withdraw_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "time_thief" ADD CONSTRAINT "chk_time_thief_withdrawn" CHECK (("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "time_thief" DROP CONSTRAINT "chk_time_thief_withdrawn"`);
    await queryRunner.query(`ALTER TABLE "time_thief" DROP COLUMN "withdraw_reason"`);
    await queryRunner.query(`ALTER TABLE "time_thief" DROP COLUMN "withdrawn_by"`);
    await queryRunner.query(`ALTER TABLE "time_thief" DROP COLUMN "withdrawn_at"`);
    await queryRunner.query(`ALTER TABLE "time_thief" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "indicator" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "steering_instrument" DROP COLUMN "version"`);
    await queryRunner.query(`DROP TABLE "client_request"`);
  }
}
