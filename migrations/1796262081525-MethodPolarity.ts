import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Method codes carry a polarity (issue 14 §2): observation.methods and coded_segment.methods go
 * from trust_method[] to text[] of "METHOD:POLARITY", kept to the known pairs by a check (as the
 * effect variables are). Every method coded before this migration had no polarity and becomes
 * "METHOD:DISCUSSED_WITHOUT_CHANGE", the neutral value: the migration does not guess a direction
 * the researcher did not state (docs/data-model.md, "Method polarity"). The enum trust_method stays:
 * pilots and ideas name methods without polarity. Earlier observation versions (snapshots) keep
 * the codes as they were recorded.
 */
export class MethodPolarity1796262081525 implements MigrationInterface {
  name = 'MethodPolarity1796262081525';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // ALTER … TYPE … USING allows no subquery: a temporary function appends the neutral polarity.
    await queryRunner.query(`CREATE FUNCTION pg_temp.with_neutral_polarity(m trust_method[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(array_agg(x::text || ':DISCUSSED_WITHOUT_CHANGE' ORDER BY i), '{}') FROM unnest(m) WITH ORDINALITY AS u(x, i) $$`);
    for (const table of ['observation', 'coded_segment']) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "methods" TYPE text[] USING pg_temp.with_neutral_polarity("methods")`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "methods" SET DEFAULT '{}'`);
    }
    await queryRunner.query(`DROP FUNCTION pg_temp.with_neutral_polarity(trust_method[])`);
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "chk_observation_methods" CHECK ("methods" <@ ARRAY['LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 'LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED', 'LESS_DETAIL_STEERING:DISCUSSED_WITHOUT_CHANGE', 'KNOWLEDGE_DEVELOPMENT_STRUCTURES:INTRODUCED_OR_STRENGTHENED', 'KNOWLEDGE_DEVELOPMENT_STRUCTURES:WEAKENED_OR_REVERSED', 'KNOWLEDGE_DEVELOPMENT_STRUCTURES:DISCUSSED_WITHOUT_CHANGE', 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 'VALUES_WORK:WEAKENED_OR_REVERSED', 'VALUES_WORK:DISCUSSED_WITHOUT_CHANGE', 'PROFESSIONALS_IN_DECISIONS:INTRODUCED_OR_STRENGTHENED', 'PROFESSIONALS_IN_DECISIONS:WEAKENED_OR_REVERSED', 'PROFESSIONALS_IN_DECISIONS:DISCUSSED_WITHOUT_CHANGE', 'STAFF_ANCHORED_FOLLOW_UP:INTRODUCED_OR_STRENGTHENED', 'STAFF_ANCHORED_FOLLOW_UP:WEAKENED_OR_REVERSED', 'STAFF_ANCHORED_FOLLOW_UP:DISCUSSED_WITHOUT_CHANGE', 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS:INTRODUCED_OR_STRENGTHENED', 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS:WEAKENED_OR_REVERSED', 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS:DISCUSSED_WITHOUT_CHANGE', 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION:INTRODUCED_OR_STRENGTHENED', 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION:WEAKENED_OR_REVERSED', 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION:DISCUSSED_WITHOUT_CHANGE']::text[])`,
    );
    await queryRunner.query(
      `ALTER TABLE "coded_segment" ADD CONSTRAINT "chk_coded_segment_methods" CHECK ("methods" <@ ARRAY['LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED', 'LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED', 'LESS_DETAIL_STEERING:DISCUSSED_WITHOUT_CHANGE', 'KNOWLEDGE_DEVELOPMENT_STRUCTURES:INTRODUCED_OR_STRENGTHENED', 'KNOWLEDGE_DEVELOPMENT_STRUCTURES:WEAKENED_OR_REVERSED', 'KNOWLEDGE_DEVELOPMENT_STRUCTURES:DISCUSSED_WITHOUT_CHANGE', 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED', 'VALUES_WORK:WEAKENED_OR_REVERSED', 'VALUES_WORK:DISCUSSED_WITHOUT_CHANGE', 'PROFESSIONALS_IN_DECISIONS:INTRODUCED_OR_STRENGTHENED', 'PROFESSIONALS_IN_DECISIONS:WEAKENED_OR_REVERSED', 'PROFESSIONALS_IN_DECISIONS:DISCUSSED_WITHOUT_CHANGE', 'STAFF_ANCHORED_FOLLOW_UP:INTRODUCED_OR_STRENGTHENED', 'STAFF_ANCHORED_FOLLOW_UP:WEAKENED_OR_REVERSED', 'STAFF_ANCHORED_FOLLOW_UP:DISCUSSED_WITHOUT_CHANGE', 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS:INTRODUCED_OR_STRENGTHENED', 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS:WEAKENED_OR_REVERSED', 'ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS:DISCUSSED_WITHOUT_CHANGE', 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION:INTRODUCED_OR_STRENGTHENED', 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION:WEAKENED_OR_REVERSED', 'ADMINISTRATIVE_TASKS_TO_ADMINISTRATION:DISCUSSED_WITHOUT_CHANGE']::text[])`,
    );
  }

  /** Back to methods without polarity: the polarities are lost. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coded_segment" DROP CONSTRAINT "chk_coded_segment_methods"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "chk_observation_methods"`);
    await queryRunner.query(`CREATE FUNCTION pg_temp.without_polarity(m text[]) RETURNS trust_method[] LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(array_agg(split_part(x, ':', 1)::trust_method ORDER BY i), '{}') FROM unnest(m) WITH ORDINALITY AS u(x, i) $$`);
    for (const table of ['observation', 'coded_segment']) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "methods" DROP DEFAULT`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "methods" TYPE trust_method[] USING pg_temp.without_polarity("methods")`);
    }
    await queryRunner.query(`DROP FUNCTION pg_temp.without_polarity(text[])`);
  }
}
