import { MigrationInterface, QueryRunner } from 'typeorm';

export class InstrumentIntroductions1796244703566 implements MigrationInterface {
  name = 'InstrumentIntroductions1796244703566';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_instrument" ADD "introduction_sv" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "survey_instrument" ADD "introduction_en" text NOT NULL DEFAULT ''`);
    // By hand: the shipped instrument gets what its respondents read first (our own wording).
    await queryRunner.query(
      `UPDATE "survey_instrument" SET "introduction_sv" = $1, "introduction_en" = $2 WHERE "id" = '5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001'`,
      [
        'Enkäten handlar om ditt utrymme att själv bestämma i arbetet, tiden för kärnuppdraget, den administrativa bördan, uppföljningen och tilliten mellan dem du arbetar med. Det finns inga rätta eller felaktiga svar. Det tar omkring fem minuter.',
        'This survey is about your room to decide for yourself at work, the time for the core work, the administrative burden, follow-up and trust between those you work with. There are no right or wrong answers. It takes about five minutes.',
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_instrument" DROP COLUMN "introduction_en"`);
    await queryRunner.query(`ALTER TABLE "survey_instrument" DROP COLUMN "introduction_sv"`);
  }
}
