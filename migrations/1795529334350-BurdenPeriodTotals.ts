import { MigrationInterface, QueryRunner } from 'typeorm';

/** The burden rollup (BurdenPeriodTotalEntity), filled from the reports already stored. */
export class BurdenPeriodTotals1795529334350 implements MigrationInterface {
  name = 'BurdenPeriodTotals1795529334350';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "burden_period_total" ("indicator_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "reports" integer NOT NULL, "staff_hours" numeric(16,2) NOT NULL, "staff_count" bigint NOT NULL, "used_yes" integer NOT NULL, "used_partly" integer NOT NULL, CONSTRAINT "PK_0c9f0e69004ee5431414aefeafc" PRIMARY KEY ("indicator_id", "period_start", "period_end"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "burden_period_total" ADD CONSTRAINT "fk_burden_period_total_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`INSERT INTO "burden_period_total" ("indicator_id", "period_start", "period_end", "reports", "staff_hours", "staff_count", "used_yes", "used_partly")
            SELECT "indicator_id", "period_start", "period_end", count(*), sum("staff_hours"), sum("staff_count"),
                   count(*) FILTER (WHERE "used_for_improvement" = 'YES'), count(*) FILTER (WHERE "used_for_improvement" = 'PARTLY')
              FROM "burden_report" GROUP BY 1, 2, 3`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "burden_period_total" DROP CONSTRAINT "fk_burden_period_total_indicator"`);
    await queryRunner.query(`DROP TABLE "burden_period_total"`);
  }
}
