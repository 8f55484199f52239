import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each response keeps its dimension scores (0–100), computed once when it is stored, so the
 * analytics aggregate one number per response and dimension instead of re-scoring every answer
 * on every query (docs/benchmarks.md: discretionResults on scale M). Existing responses are
 * scored here by the same rule as `dimensionScore` (survey/scoring.ts), in SQL; new ones by the
 * service. The order is SurveyDimension's as of this migration (new dimensions are appended).
 */
const DIMENSIONS = [
  'DECISION_AUTHORITY',
  'SKILL_DISCRETION',
  'TIME_FOR_CORE_WORK',
  'INFLUENCE_ON_FOLLOW_UP',
  'ADMINISTRATIVE_BURDEN',
  'TRUST_PRINCIPAL_AND_OPERATIONS',
  'TRUST_BETWEEN_DECISION_LEVELS',
  'TRUST_BETWEEN_RELATED_OPERATIONS',
  'TRUST_AUDITOR_AND_AUDITED',
  'PRINCIPAL_ABILITY',
  'PRINCIPAL_INTEGRITY',
  'PRINCIPAL_BENEVOLENCE',
];

export class SurveyScores1795520000000 implements MigrationInterface {
  name = 'SurveyScores1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_response" ADD "scores" double precision array`);
    await queryRunner.query(
      `UPDATE "survey_response" sr SET "scores" = (
               SELECT array_agg(d.score ORDER BY d.k) FROM (
                 SELECT e.k,
                        CASE WHEN count(i.id) > 0 AND count(v.scaled) * 2 >= count(i.id)
                             THEN avg(CASE WHEN i.reverse_scored THEN 100 - v.scaled ELSE v.scaled END) END::float8 AS score
                   FROM unnest($1::text[]) WITH ORDINALITY AS e(dimension, k)
                   LEFT JOIN "survey_item" i ON i.instrument_id = w.instrument_id AND i.dimension::text = e.dimension
                   LEFT JOIN LATERAL (
                     SELECT (CASE WHEN sr.answers[i.position] IS NULL THEN NULL
                                  WHEN i.scale = 'LIKERT_5' THEN (sr.answers[i.position] - 1) / 4.0 * 100
                                  ELSE (sr.answers[i.position] - i.min) / (i.max - i.min) * 100 END)::float8 AS scaled
                   ) v ON true
                  GROUP BY e.k) d)
             FROM "survey_wave" w WHERE w.id = sr.wave_id`,
      [DIMENSIONS],
    );
    await queryRunner.query(`ALTER TABLE "survey_response" ALTER COLUMN "scores" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_response" DROP COLUMN "scores"`);
  }
}
