import type { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/role.enum';
import { Params } from '../../common/sql/params';
import { reportScopeSql, subtreeIdsSql } from '../organisation/organisation.sql';
import { ExportQuery } from './dto/export.query';

export interface ExportSql {
  sql: string;
  values: unknown[];
}

const CODE_DIMENSIONS: [string, string][] = [
  ['FORM', 'o.forms::text[]'],
  ['PHASE', 'array_remove(ARRAY[o.phase::text], NULL)'],
  ['RELATION', 'o.relations::text[]'],
  ['METHOD', 'o.methods::text[]'],
  ['TRUSTWORTHINESS', 'o.trustworthiness::text[]'],
  ['ORIENTATION', 'array_remove(ARRAY[o.orientation::text], NULL)'],
  ['EFFECT_ON_TRUST', 'array_remove(ARRAY[o.effect_on_trust::text], NULL)'],
];

/** Live observations the caller may read (as the observations query), with the common filters. */
function observationWhere(actor: AuthUser, q: ExportQuery, p: Params, alias = 'o'): string {
  const where = [`${alias}.deleted_at IS NULL`];
  if (actor.role === Role.RESEARCHER) where.push(`${alias}.pilot_id IN (SELECT pilot_id FROM pilot_researcher WHERE user_id = ${p.add(actor.id, '::uuid')})`);
  else if (actor.role !== Role.ADMIN && actor.role !== Role.ANALYST) where.push('false');
  if (q.pilotId) where.push(`${alias}.pilot_id = ${p.add(q.pilotId, '::uuid')}`);
  if (q.organisationId) where.push(`${alias}.organisation_id IN (${subtreeIdsSql(p.add(q.organisationId, '::uuid'))})`);
  if (q.from) where.push(`${alias}.occurred_on >= ${p.add(q.from, '::date')}`);
  if (q.to) where.push(`${alias}.occurred_on <= ${p.add(q.to, '::date')}`);
  return where.join(' AND ');
}

/** One row per observation, codes as ";"-separated lists, the text in full. */
export function observationsSql(actor: AuthUser, q: ExportQuery): ExportSql {
  const p = new Params();
  const sql = `SELECT o.id AS observation_id, pi.code AS pilot_code, org.name AS organisation, o.level, o.occurred_on::text AS occurred_on,
      o.occurred_time::text AS occurred_time, o.kind, o.respondent_role, u.display_name AS author, o.version, o.title,
      array_to_string(o.forms, ';') AS forms, o.phase, array_to_string(o.relations, ';') AS relations,
      array_to_string(o.methods, ';') AS methods, array_to_string(o.trustworthiness, ';') AS trustworthiness,
      o.orientation, o.effect_on_trust, array_to_string(o.tags, ';') AS tags, o.text
    FROM observation o JOIN pilot pi ON pi.id = o.pilot_id JOIN organisation org ON org.id = o.organisation_id
    JOIN app_user u ON u.id = o.author_id
   WHERE ${observationWhere(actor, q, p)}
   ORDER BY o.occurred_on, o.id`;
  return { sql, values: p.values };
}

/** Tidy: one row per observation and framework code. */
export function observationCodesSql(actor: AuthUser, q: ExportQuery): ExportSql {
  const p = new Params();
  const where = observationWhere(actor, q, p);
  const unions = CODE_DIMENSIONS.map(([dim, expr]) => `SELECT o.id, o.pilot_id, o.organisation_id, o.occurred_on, o.kind, '${dim}' AS dimension, unnest(${expr}) AS code FROM observation o WHERE ${where}`);
  const sql = `SELECT c.id AS observation_id, pi.code AS pilot_code, org.name AS organisation, c.occurred_on::text AS occurred_on, c.kind, c.dimension, c.code
      FROM (${unions.join(' UNION ALL ')}) c JOIN pilot pi ON pi.id = c.pilot_id JOIN organisation org ON org.id = c.organisation_id
     ORDER BY c.occurred_on, c.id, c.dimension, c.code`;
  return { sql, values: p.values };
}

/** Tidy: one row per coded segment and framework code (a segment without codes gets one row with empty code). */
export function segmentsSql(actor: AuthUser, q: ExportQuery): ExportSql {
  const p = new Params();
  const where = observationWhere(actor, q, p);
  const codes = CODE_DIMENSIONS.map(([dim, expr]) => `SELECT '${dim}' AS dimension, unnest(${expr.replace(/o\./g, 's.')}) AS code`).join(' UNION ALL ');
  const sql = `SELECT s.id AS segment_id, s.observation_id, pi.code AS pilot_code, o.occurred_on::text AS occurred_on, s.start_offset AS start,
      s.end_offset AS "end", s.quote, s.stale, s.memo, c.dimension, c.code
      FROM coded_segment s JOIN observation o ON o.id = s.observation_id JOIN pilot pi ON pi.id = o.pilot_id
      LEFT JOIN LATERAL (${codes}) c ON true
     WHERE ${where}
     ORDER BY o.occurred_on, s.observation_id, s.start_offset, s.id, c.dimension, c.code`;
  return { sql, values: p.values };
}

export function burdenReportsSql(actor: AuthUser, q: ExportQuery): ExportSql {
  const p = new Params();
  const where = [reportScopeSql(actor, 'b.organisation_id', p)];
  if (q.organisationId) where.push(`b.organisation_id IN (${subtreeIdsSql(p.add(q.organisationId, '::uuid'))})`);
  if (q.from) where.push(`b.period_end >= ${p.add(q.from, '::date')}`);
  if (q.to) where.push(`b.period_start <= ${p.add(q.to, '::date')}`);
  const sql = `SELECT b.id AS report_id, org.name AS organisation, b.organisation_id, i.name AS indicator, i.measure_type,
      si.name AS instrument, si.kind AS instrument_kind, si.governance_form, b.period_kind, b.period_start::text AS period_start,
      b.period_end::text AS period_end, b.staff_hours, b.staff_count, b.record_count, b.double_registration,
      b.used_for_improvement, b.perceived_usefulness, b.revision, b.comment
      FROM burden_report b JOIN indicator i ON i.id = b.indicator_id JOIN steering_instrument si ON si.id = i.instrument_id
      JOIN organisation org ON org.id = b.organisation_id
     WHERE ${where.join(' AND ')}
     ORDER BY b.period_start, org.name, i.name, b.id`;
  return { sql, values: p.values };
}

/** Tidy: one row per time thief and status change. */
export function timeThievesSql(actor: AuthUser, q: ExportQuery): ExportSql {
  const p = new Params();
  const where = [reportScopeSql(actor, 'tt.organisation_id', p)];
  if (q.organisationId) where.push(`tt.organisation_id IN (${subtreeIdsSql(p.add(q.organisationId, '::uuid'))})`);
  if (q.from) where.push(`c.changed_on >= ${p.add(q.from, '::date')}`);
  if (q.to) where.push(`c.changed_on <= ${p.add(q.to, '::date')}`);
  const sql = `SELECT tt.id AS time_thief_id, org.name AS organisation, tt.task, tt.process, tt.minutes_per_week, tt.staff_affected,
      tt.proposed_remedy, c.status, c.changed_on::text AS changed_on, c.reason
      FROM time_thief tt JOIN time_thief_status_change c ON c.time_thief_id = tt.id JOIN organisation org ON org.id = tt.organisation_id
     WHERE ${where.join(' AND ')}
     ORDER BY c.changed_on, tt.id, c.recorded_at`;
  return { sql, values: p.values };
}
