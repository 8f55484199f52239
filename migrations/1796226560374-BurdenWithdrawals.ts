import { MigrationInterface, QueryRunner } from 'typeorm';

/** Corrections with reasons: the audit trail's reason, and burden reports that can be withdrawn and restored. */
export class BurdenWithdrawals1796226560374 implements MigrationInterface {
  name = 'BurdenWithdrawals1796226560374';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "reason" text`);
    await queryRunner.query(`ALTER TABLE "burden_report" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "burden_report" ADD "withdrawn_by" uuid`);
    await queryRunner.query(`ALTER TABLE "burden_report" ADD "withdraw_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "burden_report" ADD CONSTRAINT "chk_burden_report_withdrawn" CHECK (("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "burden_report" DROP CONSTRAINT "chk_burden_report_withdrawn"`);
    await queryRunner.query(`ALTER TABLE "burden_report" DROP COLUMN "withdraw_reason"`);
    await queryRunner.query(`ALTER TABLE "burden_report" DROP COLUMN "withdrawn_by"`);
    await queryRunner.query(`ALTER TABLE "burden_report" DROP COLUMN "withdrawn_at"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "reason"`);
  }
}
