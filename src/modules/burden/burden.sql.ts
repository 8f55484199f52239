/**
 * The working hours of a burden report's organisation over its period (`b` is the report's
 * alias): full-time equivalents × `hoursPerWeek` × weeks, summed over its staff sizes — when they
 * cover the whole period; otherwise NULL, so no share is computed from part of a period.
 */
export const workingHoursSql = (b: string, hoursPerWeek: string) => `(
  SELECT CASE WHEN sum(x.days) = (${b}.period_end - ${b}.period_start + 1) THEN sum(s.fte * x.days)::float8 * ${hoursPerWeek} / 7 END
    FROM staff_size s,
         LATERAL (SELECT least(${b}.period_end, coalesce(s.valid_to, ${b}.period_end)) - greatest(${b}.period_start, s.valid_from) + 1 AS days) x
   WHERE s.organisation_id = ${b}.organisation_id AND s.valid_from <= ${b}.period_end AND (s.valid_to IS NULL OR s.valid_to >= ${b}.period_start))`;
