/**
 * The reporting obligations of a set of organisations, as CTEs for `WITH RECURSIVE` (every
 * argument is SQL: placeholders or conditions already bound to the statement's parameters).
 *
 * Who owes: the units — organisations without units of their own — under `roots` that the caller
 * may see (`visible`, on `o.id`). What: every indicator whose steering instrument applies to the
 * unit or to an organisation above it, for the reporting periods of its frequency (monthly and
 * continuous: months; quarterly: quarters; twice a year: half-years; yearly: years) that overlap
 * [from, to] and the time both the indicator and the instrument are in force. Covered by: burden
 * reports, not withdrawn, of the unit itself or of an organisation above it (the plausibility
 * rules keep the two from both reporting). Due: `grace` days after the period's end.
 */
export interface ObligationSql {
  roots: string;
  visible: string;
  indicator?: string;
  from: string;
  to: string;
  grace: string;
}

/**
 * The calendar grid of a reporting frequency (an SQL text expression), as a LATERAL subquery:
 * `step` between period starts, and the `unit` the first start is truncated to.
 */
const periodGrid = (frequency: string) => `(
  SELECT CASE ${frequency} WHEN 'QUARTERLY' THEN interval '3 months' WHEN 'TWICE_A_YEAR' THEN interval '6 months'
                           WHEN 'YEARLY' THEN interval '1 year' ELSE interval '1 month' END AS step,
         CASE ${frequency} WHEN 'QUARTERLY' THEN 'quarter' WHEN 'TWICE_A_YEAR' THEN 'year' WHEN 'YEARLY' THEN 'year' ELSE 'month' END AS unit
)`;

export const obligationCtes = (s: ObligationSql) => `
  scope_orgs(id) AS (${s.roots}),
  leaves(id) AS (
    SELECT o.id FROM organisation o
     WHERE o.id IN (SELECT id FROM scope_orgs) AND NOT EXISTS (SELECT 1 FROM organisation c WHERE c.parent_id = o.id) AND ${s.visible}
  ),
  chain(leaf_id, org_id) AS (
    SELECT id, id FROM leaves
    UNION ALL
    SELECT ch.leaf_id, o.parent_id FROM chain ch JOIN organisation o ON o.id = ch.org_id WHERE o.parent_id IS NOT NULL
  ),
  applicable AS (
    SELECT DISTINCT ch.leaf_id, i.id AS indicator_id, i.reporting_frequency::text AS frequency,
           greatest(i.introduced_on, si.valid_from) AS lo,
           least(coalesce(i.retired_on, 'infinity'::date), coalesce(si.valid_to, 'infinity'::date)) AS hi
      FROM chain ch
      JOIN steering_instrument_target t ON t.organisation_id = ch.org_id
      JOIN steering_instrument si ON si.id = t.instrument_id
      JOIN indicator i ON i.instrument_id = si.id
     WHERE ${s.indicator ? `i.id = ${s.indicator}` : 'true'}
  ),
  due AS (
    SELECT a.leaf_id, a.indicator_id, p.start::date AS period_start, (p.start + f.step - interval '1 day')::date AS period_end
      FROM applicable a
      CROSS JOIN LATERAL ${periodGrid('a.frequency')} f
      CROSS JOIN LATERAL generate_series(date_trunc(f.unit, greatest(a.lo, ${s.from})::timestamp), least(a.hi, ${s.to})::timestamp, f.step) AS p(start)
     WHERE a.lo <= ${s.to} AND a.hi >= ${s.from}
       AND (p.start + f.step - interval '1 day')::date >= greatest(a.lo, ${s.from})
  ),
  -- Each report counted in the reporting periods it overlaps, on the same calendar grid as due, so
  -- that reports meet periods by equality (joining every period to every report of the same unit
  -- and indicator by overlap grew with the square of the periods, and ran past 30 s nationally on
  -- M). Reports are looked up per organisation in the chain; the fence (OFFSET 0) keeps that
  -- lookup by index: PostgreSQL overestimates the recursive chain and otherwise read every report
  -- (S: 517 → 163 ms). The indicator's frequency is joined after the fence, once per indicator.
  covered AS (
    SELECT ch.leaf_id, b.indicator_id, p.start::date AS period_start,
           least(b.period_end, (p.start + f.step - interval '1 day')::date) - greatest(b.period_start, p.start::date) + 1 AS days,
           b.created_at, b.organisation_id
      FROM chain ch
      CROSS JOIN LATERAL (
        SELECT b.indicator_id, b.organisation_id, b.created_at, b.period_start, b.period_end
          FROM burden_report b
         WHERE b.organisation_id = ch.org_id AND b.withdrawn_at IS NULL AND ${s.indicator ? `b.indicator_id = ${s.indicator}` : 'true'}
           -- Every due period lies within these years (the grid's longest step is a year).
           AND b.period_end >= date_trunc('year', ${s.from}::timestamp) AND b.period_start < date_trunc('year', ${s.to}::timestamp) + interval '1 year'
        OFFSET 0
      ) b
      JOIN indicator i ON i.id = b.indicator_id
      CROSS JOIN LATERAL ${periodGrid('i.reporting_frequency::text')} f
      CROSS JOIN LATERAL generate_series(date_trunc(f.unit, b.period_start::timestamp), b.period_end::timestamp, f.step) AS p(start)
     WHERE (p.start + f.step - interval '1 day')::date >= b.period_start
  ),
  -- Each due period with what covers it, in one aggregation over both (a due row has its end, a
  -- covering row its days): cheaper than aggregating the reports and joining them to the periods
  -- (M, all of Sweden by period: 7.3 → 5.1 s). Reports of periods not due drop out.
  merged AS (
    SELECT leaf_id, indicator_id, period_start, max(period_end) AS period_end, sum(days)::int AS days, max(created_at) AS received_at,
           (array_agg(organisation_id ORDER BY created_at DESC) FILTER (WHERE organisation_id IS NOT NULL))[1] AS reported_by
      FROM (SELECT d.leaf_id, d.indicator_id, d.period_start, d.period_end, 0 AS days, NULL::timestamptz AS created_at, NULL::uuid AS organisation_id FROM due d
            UNION ALL
            SELECT c.leaf_id, c.indicator_id, c.period_start, NULL::date, c.days, c.created_at, c.organisation_id FROM covered c) x
     GROUP BY 1, 2, 3
    HAVING max(period_end) IS NOT NULL
  ),
  obligation AS (
    SELECT m.leaf_id, m.indicator_id, m.period_start, m.period_end, m.period_end + ${s.grace} AS due_on,
           m.period_end - m.period_start + 1 AS period_days,
           least(m.days, m.period_end - m.period_start + 1) AS covered_days,
           m.received_at, m.reported_by,
           CASE WHEN m.days >= m.period_end - m.period_start + 1
                  THEN CASE WHEN m.received_at::date <= m.period_end + ${s.grace} THEN 'REPORTED' ELSE 'LATE' END
                WHEN current_date <= m.period_end + ${s.grace} THEN 'DUE'
                WHEN m.days > 0 THEN 'PARTIAL'
                ELSE 'MISSING' END AS status
      FROM merged m
  )`;
