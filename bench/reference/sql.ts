/**
 * Hand-written SQL for the same answers as the API's scenarios: the references the harness
 * runs directly with `pg`. Each is the simplest correct statement for the benchmark data (e.g.
 * monthly burden reports lie within quarters, so no pro-rata split is needed).
 */
export const REFERENCE_SQL = {
  thin: `SELECT o.id, o.title, o.text, o.occurred_on::text AS "occurredOn",
                json_build_object('forms', o.forms, 'phase', o.phase, 'relations', o.relations, 'methods', o.methods,
                                  'trustworthiness', o.trustworthiness, 'orientation', o.orientation, 'effectOnTrust', o.effect_on_trust) AS codes
           FROM observation o WHERE o.id = $1 AND o.deleted_at IS NULL`,
  discretion: `SELECT d.dimension AS measure, sr.wave_id, sr.unit_id, count(d.score)::int AS n, avg(d.score) AS mean, stddev_samp(d.score) AS sd
                 FROM survey_response sr JOIN survey_wave w ON w.id = sr.wave_id
                 CROSS JOIN LATERAL unnest(sr.scores, $3::text[]) AS d(score, dimension)
                WHERE w.pilot_id = $1 AND w.instrument_id = $2
                GROUP BY 1, 2, 3`,
  burden: `SELECT date_trunc('quarter', b.period_start)::date AS bucket_start, si.governance_form, sum(b.staff_hours)::float8 AS staff_hours,
                  sum(b.staff_count)::float8 AS staff_count, count(*)::int AS reports, avg((b.used_for_improvement = 'YES')::int)::float8 AS yes_share
             FROM burden_report b JOIN indicator i ON i.id = b.indicator_id JOIN steering_instrument si ON si.id = i.instrument_id
            WHERE b.period_end >= $1 AND b.period_start <= $2
            GROUP BY 1, 2 ORDER BY 1, 2`,
  cooccurrence: `SELECT m::text AS row_code, r::text AS column_code, count(*)::int AS count
                   FROM observation o CROSS JOIN LATERAL unnest(o.methods) m CROSS JOIN LATERAL unnest(o.relations) r
                  WHERE o.deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
};

export type ReferenceName = keyof typeof REFERENCE_SQL;
