import type { AuthUser } from '../../common/auth/auth-user';
import { Params } from '../../common/sql/params';
import { readableObservations, visibleEffects, visibleIdeas, visibleObstacles, visibleReports } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { workingHoursSql } from '../burden/burden.sql';
import { subtreeIdsSql } from '../organisation/organisation.sql';
import { ExportQuery } from './dto/export.query';

/**
 * The CSV datasets (docs/api.md): each a fixed list of columns — the file's header, written even
 * when no row matches — and the SQL that fills them, over exactly the rows the caller may see
 * (the access module's rules, as in the GraphQL lists).
 */
export interface Dataset {
  /** The file name without `.csv`, and the name in the analysts' access log. */
  name: string;
  columns: string[];
  query(actor: AuthUser, q: ExportQuery, settings: DatasetSettings): { sql: string; values: unknown[] };
}

/** Configuration a dataset's SQL may need. */
export interface DatasetSettings {
  /** WORKING_HOURS_PER_WEEK: the denominator of reporting time as a share of working time. */
  hoursPerWeek: number;
}

type Column = [name: string, expression: string];
const select = (cols: Column[]) => cols.map(([name, expr]) => `${expr} AS "${name}"`).join(', ');
const names = (cols: Column[]) => cols.map(([name]) => name);

const CODE_DIMENSIONS: [string, string][] = [
  ['FORM', 'o.forms::text[]'],
  ['PHASE', 'array_remove(ARRAY[o.phase::text], NULL)'],
  ['RELATION', 'o.relations::text[]'],
  ['METHOD', 'o.methods::text[]'],
  ['TRUSTWORTHINESS', 'o.trustworthiness::text[]'],
  ['ORIENTATION', 'array_remove(ARRAY[o.orientation::text], NULL)'],
  ['EFFECT_ON_TRUST', 'array_remove(ARRAY[o.effect_on_trust::text], NULL)'],
  ['DEFINITION_PART', 'o.definition_parts::text[]'],
  ['CONTROL_SYSTEM', 'o.control_systems::text[]'],
  ['EFFECT_VARIABLE', 'o.effect_variables::text[]'],
  ['CONTEXTUAL_CONDITION', 'o.contextual_conditions::text[]'],
  ['OWN_CODE', 'o.own_code_ids::text[]'],
];

/** Live observations the caller may read, with the common filters. */
function observationWhere(actor: AuthUser, q: ExportQuery, p: Params): string {
  const where = ['o.deleted_at IS NULL', inRaw(readableObservations(actor, 'o'), p)];
  if (q.pilotId) where.push(`o.pilot_id = ${p.add(q.pilotId, '::uuid')}`);
  if (q.organisationId) where.push(`o.organisation_id IN (${subtreeIdsSql(p.add(q.organisationId, '::uuid'))})`);
  if (q.from) where.push(`o.occurred_on >= ${p.add(q.from, '::date')}`);
  if (q.to) where.push(`o.occurred_on <= ${p.add(q.to, '::date')}`);
  return where.join(' AND ');
}

/** Reports about organisations the caller may see, with the organisation filter. */
function reportWhere(actor: AuthUser, q: ExportQuery, p: Params, column: string): string[] {
  const where = [inRaw(visibleReports(actor, column), p)];
  if (q.organisationId) where.push(`${column} IN (${subtreeIdsSql(p.add(q.organisationId, '::uuid'))})`);
  return where;
}

const OBSERVATION_COLUMNS: Column[] = [
  ['observation_id', 'o.id'],
  ['pilot_code', 'pi.code'],
  ['organisation', 'org.name'],
  ['level', 'o.level'],
  ['occurred_on', 'o.occurred_on::text'],
  ['occurred_time', 'o.occurred_time::text'],
  ['kind', 'o.kind'],
  ['respondent_role', 'o.respondent_role'],
  ['author', 'u.display_name'],
  ['version', 'o.version'],
  ['title', 'o.title'],
  ['forms', `array_to_string(o.forms, ';')`],
  ['phase', 'o.phase'],
  ['relations', `array_to_string(o.relations, ';')`],
  ['methods', `array_to_string(o.methods, ';')`],
  ['trustworthiness', `array_to_string(o.trustworthiness, ';')`],
  ['orientation', 'o.orientation'],
  ['effect_on_trust', 'o.effect_on_trust'],
  ['definition_parts', `array_to_string(o.definition_parts, ';')`],
  ['control_systems', `array_to_string(o.control_systems, ';')`],
  ['effect_variables', `array_to_string(o.effect_variables, ';')`],
  ['contextual_conditions', `array_to_string(o.contextual_conditions, ';')`],
  ['own_codes', `(SELECT string_agg(oc.name, ';' ORDER BY oc.name) FROM own_code oc WHERE oc.id = ANY(o.own_code_ids))`],
  ['tags', `array_to_string(o.tags, ';')`],
  ['text', 'o.text'],
];

/** One row per observation, codes as ";"-separated lists, the text in full. */
const observations: Dataset = {
  name: 'observations',
  columns: names(OBSERVATION_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const sql = `SELECT ${select(OBSERVATION_COLUMNS)}
      FROM observation o JOIN pilot pi ON pi.id = o.pilot_id JOIN organisation org ON org.id = o.organisation_id
      JOIN app_user u ON u.id = o.author_id
     WHERE ${observationWhere(actor, q, p)}
     ORDER BY o.occurred_on, o.id`;
    return { sql, values: p.values };
  },
};

const CODE_COLUMNS: Column[] = [
  ['observation_id', 'c.id'],
  ['pilot_code', 'pi.code'],
  ['organisation', 'org.name'],
  ['occurred_on', 'c.occurred_on::text'],
  ['kind', 'c.kind'],
  ['dimension', 'c.dimension'],
  ['code', 'c.code'],
];

/** Tidy: one row per observation and framework code. */
const observationCodes: Dataset = {
  name: 'observation-codes',
  columns: names(CODE_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const where = observationWhere(actor, q, p);
    const unions = CODE_DIMENSIONS.map(
      ([dim, expr]) =>
        `SELECT o.id, o.pilot_id, o.organisation_id, o.occurred_on, o.kind, '${dim}' AS dimension, unnest(${expr}) AS code FROM observation o WHERE ${where}`,
    );
    const sql = `SELECT ${select(CODE_COLUMNS)}
      FROM (${unions.join(' UNION ALL ')}) c JOIN pilot pi ON pi.id = c.pilot_id JOIN organisation org ON org.id = c.organisation_id
     ORDER BY c.occurred_on, c.id, c.dimension, c.code`;
    return { sql, values: p.values };
  },
};

const SEGMENT_COLUMNS: Column[] = [
  ['segment_id', 's.id'],
  ['observation_id', 's.observation_id'],
  ['pilot_code', 'pi.code'],
  ['occurred_on', 'o.occurred_on::text'],
  ['start', 's.start_offset'],
  ['end', 's.end_offset'],
  ['quote', 's.quote'],
  ['stale', 's.stale'],
  ['memo', 's.memo'],
  ['dimension', 'c.dimension'],
  ['code', 'c.code'],
];

/** Tidy: one row per coded segment and framework code (a segment without codes gets one row with empty code). */
const segments: Dataset = {
  name: 'segments',
  columns: names(SEGMENT_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const where = observationWhere(actor, q, p);
    const codes = CODE_DIMENSIONS.map(([dim, expr]) => `SELECT '${dim}' AS dimension, unnest(${expr.replace(/o\./g, 's.')}) AS code`).join(' UNION ALL ');
    const sql = `SELECT ${select(SEGMENT_COLUMNS)}
      FROM coded_segment s JOIN observation o ON o.id = s.observation_id JOIN pilot pi ON pi.id = o.pilot_id
      LEFT JOIN LATERAL (${codes}) c ON true
     WHERE ${where}
     ORDER BY o.occurred_on, s.observation_id, s.start_offset, s.id, c.dimension, c.code`;
    return { sql, values: p.values };
  },
};

const BURDEN_COLUMNS: Column[] = [
  ['report_id', 'b.id'],
  ['organisation', 'org.name'],
  ['organisation_id', 'b.organisation_id'],
  ['indicator', 'i.name'],
  ['measure_type', 'i.measure_type'],
  ['instrument', 'si.name'],
  ['instrument_kind', 'si.kind'],
  ['governance_form', 'si.governance_form'],
  ['period_kind', 'b.period_kind'],
  ['period_start', 'b.period_start::text'],
  ['period_end', 'b.period_end::text'],
  ['staff_hours', 'b.staff_hours'],
  ['staff_count', 'b.staff_count'],
  ['record_count', 'b.record_count'],
  ['double_registration', 'b.double_registration'],
  ['used_for_improvement', 'b.used_for_improvement'],
  ['perceived_usefulness', 'b.perceived_usefulness'],
  ['revision', 'b.revision'],
  ['comment', 'b.comment'],
  ['working_hours', 'round(wt.hours::numeric, 1)'],
  ['share_of_working_time', 'round((b.staff_hours / nullif(wt.hours, 0))::numeric, 4)'],
];

const burdenReports: Dataset = {
  name: 'burden-reports',
  columns: names(BURDEN_COLUMNS),
  query(actor, q, settings) {
    const p = new Params();
    const hoursPerWeek = p.add(settings.hoursPerWeek, '::float8');
    const where = ['b.withdrawn_at IS NULL', ...reportWhere(actor, q, p, 'b.organisation_id')];
    if (q.from) where.push(`b.period_end >= ${p.add(q.from, '::date')}`);
    if (q.to) where.push(`b.period_start <= ${p.add(q.to, '::date')}`);
    const sql = `SELECT ${select(BURDEN_COLUMNS)}
      FROM burden_report b JOIN indicator i ON i.id = b.indicator_id JOIN steering_instrument si ON si.id = i.instrument_id
      JOIN organisation org ON org.id = b.organisation_id
      CROSS JOIN LATERAL (SELECT ${workingHoursSql('b', hoursPerWeek)} AS hours) wt
     WHERE ${where.join(' AND ')}
     ORDER BY b.period_start, org.name, i.name, b.id`;
    return { sql, values: p.values };
  },
};

const TIME_THIEF_COLUMNS: Column[] = [
  ['time_thief_id', 'tt.id'],
  ['organisation', 'org.name'],
  ['task', 'tt.task'],
  ['process', 'tt.process'],
  ['minutes_per_week', 'tt.minutes_per_week'],
  ['staff_affected', 'tt.staff_affected'],
  ['proposed_remedy', 'tt.proposed_remedy'],
  ['status', 'c.status'],
  ['changed_on', 'c.changed_on::text'],
  ['reason', 'c.reason'],
];

/** Tidy: one row per time thief and status change. */
const timeThieves: Dataset = {
  name: 'time-thieves',
  columns: names(TIME_THIEF_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const where = [...reportWhere(actor, q, p, 'tt.organisation_id'), 'tt.withdrawn_at IS NULL'];
    if (q.from) where.push(`c.changed_on >= ${p.add(q.from, '::date')}`);
    if (q.to) where.push(`c.changed_on <= ${p.add(q.to, '::date')}`);
    const sql = `SELECT ${select(TIME_THIEF_COLUMNS)}
      FROM time_thief tt JOIN time_thief_status_change c ON c.time_thief_id = tt.id JOIN organisation org ON org.id = tt.organisation_id
     WHERE ${where.join(' AND ')}
     ORDER BY c.changed_on, tt.id, c.recorded_at`;
    return { sql, values: p.values };
  },
};

const OBSTACLE_COLUMNS: Column[] = [
  ['obstacle_id', 'ob.id'],
  ['pilot_code', 'pi.code'],
  ['type', 'ob.type'],
  ['level', 'ob.level'],
  ['description', 'ob.description'],
  ['cause', 'ob.cause_text'],
  ['proposed_change', 'ob.proposed_change'],
  ['change_by', 'ob.change_by'],
  ['identified_on', 'ob.identified_on::text'],
  ['status', 'c.status'],
  ['changed_on', 'c.changed_on::text'],
  ['reason', 'c.reason'],
];

/** The research findings' filters: pilot, and (given a `dateColumn`) a period on it. */
function findingWhere(q: ExportQuery, p: Params, alias: string, dateColumn?: string): string[] {
  const where: string[] = [];
  if (q.pilotId) where.push(`${alias}.pilot_id = ${p.add(q.pilotId, '::uuid')}`);
  if (dateColumn && q.from) where.push(`${dateColumn} >= ${p.add(q.from, '::date')}`);
  if (dateColumn && q.to) where.push(`${dateColumn} <= ${p.add(q.to, '::date')}`);
  return where;
}

/** Tidy: one row per obstacle and status change (organisationId: obstacles naming it or a unit of it). */
const obstacles: Dataset = {
  name: 'obstacles',
  columns: names(OBSTACLE_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const where = [inRaw(visibleObstacles(actor, 'ob'), p), ...findingWhere(q, p, 'ob', 'c.changed_on')];
    if (q.organisationId) {
      where.push(`EXISTS (SELECT 1 FROM obstacle_organisation oo WHERE oo.obstacle_id = ob.id
                    AND oo.organisation_id IN (${subtreeIdsSql(p.add(q.organisationId, '::uuid'))}))`);
    }
    const sql = `SELECT ${select(OBSTACLE_COLUMNS)}
      FROM obstacle ob JOIN obstacle_status_change c ON c.obstacle_id = ob.id JOIN pilot pi ON pi.id = ob.pilot_id
     WHERE ${where.join(' AND ')}
     ORDER BY c.changed_on, ob.id, c.recorded_at`;
    return { sql, values: p.values };
  },
};

const EFFECT_COLUMNS: Column[] = [
  ['effect_id', 'ef.id'],
  ['pilot_code', 'pi.code'],
  ['period_start', 'ef.period_start::text'],
  ['period_end', 'ef.period_end::text'],
  ['aspect', 'ef.aspect'],
  ['direction', 'ef.direction'],
  ['evidence_strength', 'ef.evidence_strength'],
  ['for_whom', 'ef.for_whom'],
  ['assessment', 'ef.assessment'],
  ['evidence', 'ef.evidence'],
  ['version', 'ef.version'],
];

/** One row per assessed effect (from/to: periods ending on or after from, starting on or before to). */
const effects: Dataset = {
  name: 'effects',
  columns: names(EFFECT_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const where = [inRaw(visibleEffects(actor, 'ef'), p), ...findingWhere(q, p, 'ef')];
    if (q.from) where.push(`ef.period_end >= ${p.add(q.from, '::date')}`);
    if (q.to) where.push(`ef.period_start <= ${p.add(q.to, '::date')}`);
    const sql = `SELECT ${select(EFFECT_COLUMNS)} FROM effect ef JOIN pilot pi ON pi.id = ef.pilot_id
     WHERE ${where.join(' AND ')} ORDER BY ef.period_start, ef.id`;
    return { sql, values: p.values };
  },
};

const IDEA_COLUMNS: Column[] = [
  ['idea_id', 'i.id'],
  ['pilot_code', 'pi.code'],
  ['status', 'i.status'],
  ['title', 'i.title'],
  ['problem', 'i.problem'],
  ['what_was_done', 'i.what_was_done'],
  ['steps', 'i.steps'],
  ['preconditions', 'i.preconditions'],
  ['cost', 'i.cost'],
  ['pitfalls', 'i.pitfalls'],
  ['themes', `array_to_string(i.themes::text[], ';')`],
  ['methods', `array_to_string(i.methods::text[], ';')`],
];

/** One row per idea the caller may read (drafts only where the idea-bank rule allows). */
const ideas: Dataset = {
  name: 'ideas',
  columns: names(IDEA_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const where = [inRaw(visibleIdeas(actor, 'i'), p), ...findingWhere(q, p, 'i')];
    const sql = `SELECT ${select(IDEA_COLUMNS)} FROM idea i JOIN pilot pi ON pi.id = i.pilot_id
     WHERE ${where.join(' AND ')} ORDER BY i.title, i.id`;
    return { sql, values: p.values };
  },
};

const SUPERVISION_COLUMNS: Column[] = [
  ['supervision_id', 'si.id'],
  ['organisation', 'org.name'],
  ['supervisor', 'sup.name'],
  ['occurred_on', 'si.occurred_on::text'],
  ['kind', 'si.kind'],
  ['data_requested', 'si.data_requested'],
  ['frequency', 'si.frequency'],
  ['staff_hours', 'si.staff_hours::float8'],
  ['overlaps_supervision_id', 'si.overlaps_interaction_id'],
  ['overlaps_instrument_id', 'si.overlaps_instrument_id'],
  ['character', 'si.character'],
  ['feedback', 'si.feedback'],
  ['supported_learning', 'si.supported_learning'],
];

/** One row per supervisory contact, in the caller's reports' scope. */
const supervision: Dataset = {
  name: 'supervision',
  columns: names(SUPERVISION_COLUMNS),
  query(actor, q) {
    const p = new Params();
    const where = reportWhere(actor, q, p, 'si.organisation_id');
    if (q.from) where.push(`si.occurred_on >= ${p.add(q.from, '::date')}`);
    if (q.to) where.push(`si.occurred_on <= ${p.add(q.to, '::date')}`);
    const sql = `SELECT ${select(SUPERVISION_COLUMNS)}
      FROM supervision_interaction si JOIN organisation org ON org.id = si.organisation_id JOIN organisation sup ON sup.id = si.supervisor_id
     WHERE ${where.join(' AND ')} ORDER BY si.occurred_on, si.id`;
    return { sql, values: p.values };
  },
};

export const DATASETS = { observations, observationCodes, segments, burdenReports, timeThieves, obstacles, effects, ideas, supervision } as const;
export type DatasetName = keyof typeof DATASETS;
